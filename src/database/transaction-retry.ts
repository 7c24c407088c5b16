import { DomainError } from '../common/domain-error';

/**
 * PostgreSQL aborts one of two transactions that wait for each other (deadlock_detected, 40P01) or
 * that cannot both be serialised (serialization_failure, 40001). Neither is the client's fault and
 * both succeed when simply run again, so such a transaction is retried a few times after a short,
 * random pause (the jitter keeps two retrying clerks from colliding again in lock-step).
 */
export const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set(['40001', '40P01']);

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Upper bound of the first pause; each further pause may be twice as long. */
  baseDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const DEFAULT_RETRY: RetryOptions = {
  attempts: 6,
  baseDelayMs: 40,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** The SQLSTATE of a failed query as TypeORM (driverError) or pg (code) reports it. */
export function sqlState(err: unknown): string | undefined {
  const e = err as { driverError?: { code?: unknown }; code?: unknown } | undefined;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isRetryable(err: unknown): boolean {
  const code = sqlState(err);
  return code !== undefined && RETRYABLE_SQLSTATES.has(code);
}

export const CONCURRENT_WRITE_MESSAGE =
  'Die Daten konnten nicht gespeichert werden, weil gleichzeitig andere Anfragen dieselben Einträge geändert haben; es wurde nichts gespeichert. Bitte die Daten in einigen Sekunden erneut senden.';

/**
 * Runs a whole transaction (a function that opens and commits it) and runs it again when the
 * database aborted it for a deadlock or a serialisation failure. The aborted attempt was rolled
 * back, so when every attempt fails nothing is written and the caller gets a German 409.
 */
export async function withTransactionRetry<T>(transaction: () => Promise<T>, options: Partial<RetryOptions> = {}): Promise<T> {
  const o = { ...DEFAULT_RETRY, ...options };
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (err) {
      if (!isRetryable(err)) throw err;
      if (attempt >= o.attempts) throw new DomainError('conflict', CONCURRENT_WRITE_MESSAGE);
      // "full jitter": anywhere between 0 and the doubled bound
      await o.sleep(Math.round(o.random() * o.baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}
