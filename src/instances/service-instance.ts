import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { APP_CONFIG } from '../app/app-options';
import type { AppConfig } from '../config/app-config';
import { InstanceRepository } from './instance.repository';

/** Beats this many times in the window before an instance counts as dead: one late beat is no death. */
export const BEATS_BEFORE_DEAD = 6;

/**
 * This process as the database knows it (issue 10, item 2): a random id registered at start-up and
 * a heartbeat renewed every `heartbeatSeconds` while the process lives. Audit runs carry the id of
 * the instance that runs them, so any instance can tell a run of a live process from the leftover of
 * one that was killed: an instance that stopped, or has not beaten for `deadAfterSeconds`, is dead.
 *
 * Others hook in: `onBeat` work runs after each heartbeat (the audits reap dead runs there), and
 * `beforeStop` work is awaited on a graceful stop before the instance says it stopped (a nightly run
 * still under way finishes first, so that no other instance takes it for dead and redoes it).
 */
@Injectable()
export class ServiceInstance implements OnModuleInit, BeforeApplicationShutdown {
  readonly id = randomUUID();
  private readonly logger = new Logger('ServiceInstance');
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> | undefined;
  private readonly beatHandlers: Array<() => Promise<unknown>> = [];
  private readonly stopHandlers: Array<() => Promise<unknown>> = [];

  constructor(
    private readonly repo: InstanceRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject('APP_MODE') private readonly mode: 'service' | 'cli',
  ) {}

  get heartbeatSeconds(): number {
    return this.config.instanceHeartbeatSeconds;
  }

  /** After this long without a heartbeat an instance is dead, and so are the runs it left running. */
  get deadAfterSeconds(): number {
    return this.config.instanceHeartbeatSeconds * BEATS_BEFORE_DEAD;
  }

  // onModuleInit, not onApplicationBootstrap: the row must exist before any bootstrap hook starts a run that names it.
  async onModuleInit(): Promise<void> {
    await this.repo.register({ id: this.id, kind: this.mode, host: hostname(), pid: process.pid });
    this.timer = setInterval(() => void this.beat(), this.heartbeatSeconds * 1000);
    this.timer.unref();
  }

  onBeat(handler: () => Promise<unknown>): void {
    this.beatHandlers.push(handler);
  }

  beforeStop(handler: () => Promise<unknown>): void {
    this.stopHandlers.push(handler);
  }

  /** One heartbeat and the work hooked to it; a beat still under way is not doubled. */
  beat(): Promise<void> {
    return (this.beating ??= this.beatOnce().finally(() => (this.beating = undefined)));
  }

  private async beatOnce(): Promise<void> {
    try {
      await this.repo.heartbeat(this.id);
      for (const handler of this.beatHandlers) await handler();
    } catch (err) {
      this.logger.warn({ msg: 'heartbeat failed', instanceId: this.id, error: err instanceof Error ? err.message : String(err) });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await Promise.allSettled(this.stopHandlers.map((h) => h()));
    await this.beating?.catch(() => undefined);
    await this.repo.stop(this.id).catch(() => undefined);
  }
}
