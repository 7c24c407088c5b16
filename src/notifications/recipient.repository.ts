import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface RecipientRow {
  id: string;
  side: 'coordination' | 'regional';
  office_id: string | null;
  address: string;
  source: 'config' | 'api';
  created_at: Date;
}

const COLUMNS = 'id, side, office_id, address, source, created_at';

@Injectable()
export class RecipientRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(officeIds?: string[]): Promise<RecipientRow[]> {
    return officeIds
      ? this.ds.query(`SELECT ${COLUMNS} FROM notification_recipient WHERE side = 'regional' AND office_id = ANY($1::text[]) ORDER BY office_id, address`, [officeIds])
      : this.ds.query(`SELECT ${COLUMNS} FROM notification_recipient ORDER BY side, office_id NULLS FIRST, address`);
  }

  async get(id: string): Promise<RecipientRow | undefined> {
    const [row]: RecipientRow[] = await this.ds.query(`SELECT ${COLUMNS} FROM notification_recipient WHERE id = $1`, [id]);
    return row;
  }

  /** Inserts unless the address is already listed for that side and office; the row either way. */
  async add(r: { side: 'coordination' | 'regional'; officeId: string | null; address: string; source: 'config' | 'api'; createdBy?: string }): Promise<{ row: RecipientRow; created: boolean }> {
    const inserted: RecipientRow[] = await this.ds.query(
      `INSERT INTO notification_recipient (side, office_id, address, source, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (side, (COALESCE(office_id, '')), lower(address)) DO NOTHING RETURNING ${COLUMNS}`,
      [r.side, r.officeId, r.address, r.source, r.createdBy ?? null],
    );
    if (inserted[0]) return { row: inserted[0], created: true };
    const [row]: RecipientRow[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM notification_recipient WHERE side = $1 AND office_id IS NOT DISTINCT FROM $2 AND lower(address) = lower($3)`,
      [r.side, r.officeId, r.address],
    );
    return { row, created: false };
  }

  async remove(id: string): Promise<void> {
    await this.ds.query('DELETE FROM notification_recipient WHERE id = $1', [id]);
  }

  /** Config recipients mirror config/offices.json: those no longer in the file go. */
  async replaceConfig(entries: Array<{ side: 'coordination' | 'regional'; officeId: string | null; address: string }>): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(
        `DELETE FROM notification_recipient r WHERE r.source = 'config' AND NOT EXISTS (
           SELECT 1 FROM unnest($1::text[], $2::text[], $3::text[]) AS e(side, office_id, address)
            WHERE e.side = r.side AND e.office_id IS NOT DISTINCT FROM r.office_id AND lower(e.address) = lower(r.address))`,
        [entries.map((e) => e.side), entries.map((e) => e.officeId), entries.map((e) => e.address)],
      );
      for (const e of entries) {
        await m.query(
          `INSERT INTO notification_recipient (side, office_id, address, source)
           SELECT $1, $2, $3, 'config' WHERE $2::text IS NULL OR EXISTS (SELECT 1 FROM office WHERE id = $2)
           ON CONFLICT (side, (COALESCE(office_id, '')), lower(address)) DO NOTHING`,
          [e.side, e.officeId, e.address],
        );
      }
    });
  }

  /** Addresses per inbox key: 'coordination' or 'regional:<office>'. */
  async byInbox(): Promise<Map<string, string[]>> {
    const rows: Array<{ side: string; office_id: string | null; address: string }> = await this.ds.query('SELECT side, office_id, address FROM notification_recipient ORDER BY address');
    const out = new Map<string, string[]>();
    for (const r of rows) {
      const key = r.side === 'coordination' ? 'coordination' : `regional:${r.office_id}`;
      out.set(key, [...(out.get(key) ?? []), r.address]);
    }
    return out;
  }
}
