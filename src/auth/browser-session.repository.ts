import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChangeAwareCache } from '../database/change-aware-cache';
import { tableChangesOf } from '../database/table-changes';
import type { TokenRole } from './api-token.entity';
import type { Principal } from './principal';

export interface SessionLimits {
  idleSeconds: number;
  absoluteSeconds: number;
  /** last_seen_at is written at most this often: a page load makes several API calls. */
  touchEverySeconds: number;
}

/** browser_session: the web pages' sign-ins, by the hash of their id. */
@Injectable()
export class BrowserSessionRepository {
  /**
   * Live sessions by id hash, so that the pages' API calls (the schedule pre-check while typing)
   * are authorized without a query, as bearer tokens are (TokenService). Dropped when a session,
   * token or token office changes (sign-out, revocation: at once on this instance, within a second
   * elsewhere), and used at most CACHE_TTL_MS after the read: the idle and absolute limits are kept
   * to within that second. Unknown ids are not kept.
   */
  private readonly live: ChangeAwareCache<string, Principal | undefined>;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.live = new ChangeAwareCache(tableChangesOf(ds), ['browser_session', 'api_token', 'api_token_office'], { maxEntries: 10_000, keep: (p) => p !== undefined });
  }

  async create(idHash: string, tokenId: string): Promise<void> {
    await this.ds.query('INSERT INTO browser_session (id_hash, token_id) VALUES ($1, $2)', [idHash, tokenId]);
  }

  /**
   * The principal of a live session: not ended, used within the idle limit, younger than the
   * absolute limit, its token not revoked. Marks it used (at most every touchEverySeconds).
   */
  async principalOf(idHash: string, limits: SessionLimits): Promise<Principal | undefined> {
    const principal = await this.live.get(idHash, () => this.read(idHash, limits));
    // A copy: callers may not change what other requests share.
    return principal && { ...principal, officeIds: [...principal.officeIds] };
  }

  private async read(idHash: string, limits: SessionLimits): Promise<Principal | undefined> {
    const rows: Array<{ id: string; role: TokenRole; office_ids: string[] | null; stale_touch: boolean }> = await this.ds.query(
      `SELECT t.id, t.role, array_remove(array_agg(o.office_id ORDER BY o.office_id), NULL) AS office_ids,
              s.last_seen_at < clock_timestamp() - make_interval(secs => $4) AS stale_touch
         FROM browser_session s
         JOIN api_token t ON t.id = s.token_id AND t.revoked_at IS NULL
         LEFT JOIN api_token_office o ON o.token_id = t.id
        WHERE s.id_hash = $1 AND s.ended_at IS NULL
          AND s.last_seen_at > clock_timestamp() - make_interval(secs => $2)
          AND s.created_at > clock_timestamp() - make_interval(secs => $3)
        GROUP BY t.id, t.role, s.last_seen_at`,
      [idHash, limits.idleSeconds, limits.absoluteSeconds, limits.touchEverySeconds],
    );
    const row = rows[0];
    if (!row) return undefined;
    if (row.stale_touch) await this.ds.query('UPDATE browser_session SET last_seen_at = clock_timestamp() WHERE id_hash = $1', [idHash]);
    return { tokenId: row.id, role: row.role, officeIds: row.office_ids ?? [] };
  }

  async end(idHash: string): Promise<void> {
    await this.ds.query('UPDATE browser_session SET ended_at = clock_timestamp() WHERE id_hash = $1 AND ended_at IS NULL', [idHash]);
  }

  /** Sessions past their absolute limit are of no use any more; a week later they are forgotten. */
  async purgeOlderThan(seconds: number): Promise<void> {
    await this.ds.query('DELETE FROM browser_session WHERE created_at < clock_timestamp() - make_interval(secs => $1)', [seconds]);
  }
}
