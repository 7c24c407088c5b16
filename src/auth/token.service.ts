import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { ChangeAwareCache } from '../database/change-aware-cache';
import { tableChangesOf } from '../database/table-changes';
import type { TokenRole } from './api-token.entity';
import type { Principal } from './principal';

export interface CreatedToken {
  id: string;
  token: string;
}

export interface TokenSummary {
  id: string;
  role: TokenRole;
  label: string | null;
  officeIds: string[];
  createdAt: string;
  revokedAt: string | null;
}

const PREFIX = 'smt_';

/** Tokens carry 256 random bits, so a plain SHA-256 is enough to store them (no password stretching needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

@Injectable()
export class TokenService {
  /**
   * Known tokens by hash, so that a request is authorized without a query (issue 14: the
   * pre-check). Authorization is still decided per request from the cached principal; a revoked
   * token is refused within the cache's bound (change-aware-cache.ts: at once on this instance,
   * within a second at worst elsewhere). Unknown tokens are not kept (no memory for guessed ones).
   */
  private readonly known: ChangeAwareCache<string, Principal | undefined>;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.known = new ChangeAwareCache(tableChangesOf(ds), ['api_token', 'api_token_office'], { maxEntries: 10_000, keep: (p) => p !== undefined });
  }

  async create(role: TokenRole, officeIds: string[], label?: string): Promise<CreatedToken> {
    if (role === 'regional' && officeIds.length === 0) {
      throw DomainError.validation([{ field: 'office', message: 'Ein Token für eine Regionalstelle braucht mindestens eine Regionalstelle (--office).' }]);
    }
    if (role === 'coordination' && officeIds.length > 0) {
      throw DomainError.validation([{ field: 'office', message: 'Ein Token der Koordinierungsstelle gilt für alle Regionalstellen; --office ist hier nicht zulässig.' }]);
    }
    const unique = [...new Set(officeIds)];
    const token = PREFIX + randomBytes(32).toString('base64url');
    return this.ds.transaction(async (m) => {
      if (unique.length) {
        const known: Array<{ id: string }> = await m.query('SELECT id FROM office WHERE id = ANY($1)', [unique]);
        const missing = unique.filter((id) => !known.some((k) => k.id === id));
        if (missing.length) {
          throw DomainError.validation(missing.map((id) => ({ field: 'office', message: `Die Regionalstelle „${id}“ ist nicht bekannt.` })));
        }
      }
      const [row]: Array<{ id: string }> = await m.query(
        'INSERT INTO api_token (token_hash, role, label) VALUES ($1, $2, $3) RETURNING id',
        [hashToken(token), role, label ?? null],
      );
      for (const officeId of unique) {
        await m.query('INSERT INTO api_token_office (token_id, office_id) VALUES ($1, $2)', [row.id, officeId]);
      }
      return { id: row.id, token };
    });
  }

  /** The principal for a presented token, or undefined when it is unknown or revoked. */
  async authenticate(token: string): Promise<Principal | undefined> {
    if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
    const hash = hashToken(token);
    const principal = await this.known.get(hash, () => this.principalOf(hash));
    // A copy: callers may not change what other requests share.
    return principal && { ...principal, officeIds: [...principal.officeIds] };
  }

  private async principalOf(hash: string): Promise<Principal | undefined> {
    const rows: Array<{ id: string; role: TokenRole; office_ids: string[] | null }> = await this.ds.query(
      `SELECT t.id, t.role, array_remove(array_agg(o.office_id ORDER BY o.office_id), NULL) AS office_ids
         FROM api_token t LEFT JOIN api_token_office o ON o.token_id = t.id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL
        GROUP BY t.id, t.role`,
      [hash],
    );
    const row = rows[0];
    return row ? { tokenId: row.id, role: row.role, officeIds: row.office_ids ?? [] } : undefined;
  }

  async revoke(id: string): Promise<boolean> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return false;
    // TypeORM answers a bare UPDATE with [rows, count]; the CTE makes it a plain SELECT result.
    const rows: unknown[] = await this.ds.query('WITH u AS (UPDATE api_token SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id) SELECT id FROM u', [id]);
    return rows.length > 0;
  }

  /** Revokes every active token with this label (used for the demo token, renewed at each demo start). */
  async revokeByLabel(label: string): Promise<number> {
    const rows: unknown[] = await this.ds.query('WITH u AS (UPDATE api_token SET revoked_at = now() WHERE label = $1 AND revoked_at IS NULL RETURNING id) SELECT id FROM u', [label]);
    return rows.length;
  }

  async list(): Promise<TokenSummary[]> {
    const rows: Array<{ id: string; role: TokenRole; label: string | null; office_ids: string[]; created_at: Date; revoked_at: Date | null }> = await this.ds.query(
      `SELECT t.id, t.role, t.label, t.created_at, t.revoked_at,
              array_remove(array_agg(o.office_id ORDER BY o.office_id), NULL) AS office_ids
         FROM api_token t LEFT JOIN api_token_office o ON o.token_id = t.id
        GROUP BY t.id ORDER BY t.created_at, t.id`,
    );
    return rows.map((r) => ({
      id: r.id,
      role: r.role,
      label: r.label,
      officeIds: r.office_ids ?? [],
      createdAt: new Date(r.created_at).toISOString(),
      revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    }));
  }
}
