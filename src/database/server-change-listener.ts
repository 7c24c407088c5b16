import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { DATABASE_TARGET } from './database-tokens';
import type { DatabaseTarget } from './database-target';
import { CHANGES_CHANNEL, tableChangesOf } from './table-changes';

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

/**
 * On a server, one connection of its own that LISTENs all the time, so that writes of other
 * instances (and of the CLI or psql) are announced within milliseconds even when every pool
 * connection is busy or closed. On any error it reconnects with a growing pause; each (re)connect
 * announces `null` (drop everything), since notifications sent while it was away are lost. Until
 * then the caches' time limit (CACHE_TTL_MS) bounds what a lost notification can cost.
 * The embedded database has no second connection and no other writer: the pool's one connection
 * hears everything (table-changes.ts).
 */
@Injectable()
export class ServerChangeListener implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ServerChangeListener');
  private client: Client | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private pause = RECONNECT_MIN_MS;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(DATABASE_TARGET) private readonly target: DatabaseTarget,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.target.embedded || !tableChangesOf(this.ds)) return;
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** The listening connection's backend process id (tests end it to prove the reconnect). */
  get backendPid(): number | undefined {
    return (this.client as unknown as { processID?: number } | undefined)?.processID;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const changes = tableChangesOf(this.ds)!;
    const client = new Client({ connectionString: this.target.url });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    client.on('notification', (n) => {
      if (n.channel === CHANGES_CHANNEL) changes.publish(n.payload ?? null);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (err) {
      this.lost(client, err);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.pause = RECONNECT_MIN_MS;
    changes.publish(null);
  }

  private lost(client: Client, err?: unknown): void {
    if (this.stopped || (this.client !== undefined && this.client !== client) || this.retryTimer) return;
    this.client = undefined;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    this.logger.warn({ msg: 'change listener lost, reconnecting', error: err instanceof Error ? err.message : undefined, inMs: this.pause });
    tableChangesOf(this.ds)?.publish(null);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, this.pause);
    this.pause = Math.min(this.pause * 2, RECONNECT_MAX_MS);
  }
}
