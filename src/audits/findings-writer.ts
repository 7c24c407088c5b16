import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { drainedOrClosed } from '../common/drained-or-closed';
import { Slices } from '../common/time-slices';
import type { FindingRow, RuleTextIndex } from './audit-finding.codec';

/** The stored columns of a compact finding, in the order both writers send them. */
const COLUMNS = 'run_id, seq, office_id, scope, period, period_kind, rule_id, obligation, status, measured, required, unit, message, deviation_id, catalog_version, detail';

/**
 * Writes a page of findings. Two ways, one row format (audit-finding.codec.ts):
 * - a server: COPY over a connection of its own, so the server parses and stores while this
 *   process judges the next offices on the other core (measured in `npm run bench`: about half
 *   the time of a multi-row INSERT with bind parameters);
 * - the embedded database cannot take COPY FROM STDIN over its socket (the protocol's copy-in
 *   messages end the connection), and it has one connection that the judging reads share, so a page
 *   goes as one INSERT … SELECT from a single JSON parameter: one document to build and parse
 *   instead of sixteen bind parameters per row.
 */
export class FindingsWriter {
  constructor(
    private readonly ds: DataSource,
    private readonly embedded: boolean,
  ) {}

  async write(runId: string, rows: readonly FindingRow[], texts: RuleTextIndex): Promise<void> {
    if (rows.length === 0) return;
    if (this.embedded) await this.insertFromJson(runId, rows, texts);
    else await this.copy(runId, rows, texts);
  }

  private async insertFromJson(runId: string, rows: readonly FindingRow[], texts: RuleTextIndex): Promise<void> {
    // Built record by record in slices: a page in one go held the event loop for tens of milliseconds.
    const slices = new Slices();
    const records: string[] = [];
    for (const r of rows) {
      const f = r.finding;
      records.push(
        JSON.stringify({
          seq: r.seq,
          office_id: r.officeId,
          scope: r.scope,
          period: r.period,
          period_kind: r.periodKind,
          rule_id: f.ruleId,
          obligation: f.obligation,
          status: f.status,
          measured: f.measured,
          required: f.required,
          unit: f.unit,
          message: f.message,
          deviation_id: f.deviation?.id ?? null,
          catalog_version: f.catalogVersion,
          detail: texts.detail(f),
        }),
      );
      await slices.pause();
    }
    await this.ds.query(
      `INSERT INTO audit_finding (${COLUMNS})
       SELECT $1, ${COLUMNS.replace('run_id, ', '')} FROM json_populate_recordset(NULL::audit_finding, $2::json)`,
      [runId, `[${records.join(',')}]`],
    );
  }

  /**
   * The page goes out in pieces as it is encoded, a slice at a time: encoding a page of 4,000
   * findings at once held the event loop for 30–110 ms (bench, full-year run).
   */
  private async copy(runId: string, rows: readonly FindingRow[], texts: RuleTextIndex): Promise<void> {
    const runner = this.ds.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      const stream = client.query(copyFrom(`COPY audit_finding (${COLUMNS}) FROM STDIN`));
      const finished = new Promise<void>((resolve, reject) => {
        stream.on('error', reject);
        stream.on('finish', resolve);
      });
      // Observed below; a failure also ends the loop early.
      let failed = false;
      finished.catch(() => (failed = true));
      const slices = new Slices();
      let text = '';
      for (const r of rows) {
        if (failed) break;
        text += copyLine(runId, r, texts);
        if (text.length >= COPY_CHUNK_CHARS) {
          // Backpressure: wait for the connection to take the last piece (or for the COPY to fail).
          if (!stream.write(text)) await drainedOrClosed(stream);
          text = '';
        }
        await slices.pause();
      }
      if (!failed) stream.end(text);
      await finished;
    } finally {
      await runner.release();
    }
  }
}

/** About 64 KiB of COPY text per write. */
const COPY_CHUNK_CHARS = 64 * 1024;

function copyLine(runId: string, r: FindingRow, texts: RuleTextIndex): string {
  const f = r.finding;
  const detail = texts.detail(f);
  return (
    `${runId}\t${r.seq}\t${r.officeId === null ? '\\N' : field(r.officeId)}\t${r.scope}\t${field(r.period)}\t${r.periodKind}\t${field(f.ruleId)}\t` +
    `${f.obligation}\t${f.status}\t${num(f.measured)}\t${num(f.required)}\t${field(f.unit)}\t${field(f.message)}\t` +
    `${f.deviation ? f.deviation.id : '\\N'}\t${field(f.catalogVersion)}\t${detail ? field(JSON.stringify(detail)) : '\\N'}\n`
  );
}

/** A value in COPY's text format: backslash, tab and line breaks escaped. */
function field(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

function num(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '\\N' : String(value);
}
