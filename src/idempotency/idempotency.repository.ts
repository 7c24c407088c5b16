import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface IdempotencyScope {
  tokenId: string;
  route: string;
  key: string;
}

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; statusCode: number; response: unknown }
  | { kind: 'other-request' }
  | { kind: 'in-progress' };

/** A claim whose request never finished (its process died) is taken over after this long. */
const ABANDONED_AFTER_SECONDS = 120;
/** Stored answers are kept this long; a client retries within minutes, not months. */
const KEEP_DAYS = 30;

@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Claims a key for a request, atomically: the first request with a key claims it; a retry of the
   * same request (same hash) gets the stored answer, or hears that the first is still running; the
   * same key with other data is refused. A claim left by a dead process is taken over.
   */
  async claim(scope: IdempotencyScope, requestHash: string): Promise<Claim> {
    await this.ds.query(`DELETE FROM idempotency_key WHERE created_at < clock_timestamp() - make_interval(days => $1)`, [KEEP_DAYS]);
    const claimed: unknown[] = await this.ds.query(
      `INSERT INTO idempotency_key (token_id, route, key, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (token_id, route, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = clock_timestamp()
        WHERE idempotency_key.status_code IS NULL AND idempotency_key.request_hash = EXCLUDED.request_hash
          AND idempotency_key.created_at < clock_timestamp() - make_interval(secs => $5)
       RETURNING key`,
      [scope.tokenId, scope.route, scope.key, requestHash, ABANDONED_AFTER_SECONDS],
    );
    if (claimed.length > 0) return { kind: 'claimed' };
    const [stored]: Array<{ request_hash: string; status_code: number | null; response: unknown }> = await this.ds.query(
      'SELECT request_hash, status_code, response FROM idempotency_key WHERE token_id = $1 AND route = $2 AND key = $3',
      [scope.tokenId, scope.route, scope.key],
    );
    if (!stored) return this.claim(scope, requestHash); // removed in between: try again
    if (stored.request_hash !== requestHash) return { kind: 'other-request' };
    if (stored.status_code === null) return { kind: 'in-progress' };
    return { kind: 'replay', statusCode: stored.status_code, response: stored.response };
  }

  async complete(scope: IdempotencyScope, statusCode: number, response: unknown): Promise<void> {
    await this.ds.query('UPDATE idempotency_key SET status_code = $4, response = $5 WHERE token_id = $1 AND route = $2 AND key = $3', [
      scope.tokenId,
      scope.route,
      scope.key,
      statusCode,
      JSON.stringify(response ?? null),
    ]);
  }

  /** A request that failed leaves no trace: a retry runs it anew. */
  async release(scope: IdempotencyScope): Promise<void> {
    await this.ds.query('DELETE FROM idempotency_key WHERE token_id = $1 AND route = $2 AND key = $3 AND status_code IS NULL', [scope.tokenId, scope.route, scope.key]);
  }
}
