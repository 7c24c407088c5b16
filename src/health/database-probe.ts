import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DATABASE_TARGET } from '../database/database.module';
import type { DatabaseTarget } from '../database/database-target';

/** A connection checked out for at most this long is busy working, not stuck. */
const BUSY_IS_UP_MS = 30_000;
/** Longer than this without an answer is "down" for a load balancer, not a hang. */
const ANSWER_WITHIN_MS = 5_000;

interface PoolEvents {
  on(event: 'acquire' | 'release', listener: () => void): void;
}

/**
 * Does the database answer? On a server: `SELECT 1` on a free connection of the pool. The embedded
 * database has one connection, which a large import holds for seconds (its single write
 * transaction); a health check queued behind it would look like an outage to a load balancer
 * (issue 10, item 3). So while that one connection has been busy for less than 30 s, the database
 * counts as up without asking; only a longer hold is asked about, with a time limit.
 */
@Injectable()
export class DatabaseProbe implements OnModuleInit {
  private checkedOutSince: number | undefined;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(DATABASE_TARGET) private readonly target: DatabaseTarget,
  ) {}

  onModuleInit(): void {
    if (!this.target.embedded) return;
    const pool = (this.ds.driver as unknown as { master?: PoolEvents }).master;
    // The embedded pool holds one connection: checked out means busy until it is released.
    pool?.on('acquire', () => (this.checkedOutSince ??= Date.now()));
    pool?.on('release', () => (this.checkedOutSince = undefined));
  }

  async answers(): Promise<boolean> {
    if (this.checkedOutSince !== undefined && Date.now() - this.checkedOutSince < BUSY_IS_UP_MS) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ANSWER_WITHIN_MS)));
    try {
      return await Promise.race([this.ds.query('SELECT 1').then(() => true), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
