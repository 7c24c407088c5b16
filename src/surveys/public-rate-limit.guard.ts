import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CLOCK, type Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';

/**
 * Rate limits of the public survey routes, the only writes of the service without a token.
 *
 * Kept in memory, per process, in fixed windows (a decision, not an accident): the limits only damp
 * floods and guessing; what must hold under any load is enforced by the database (a code answers
 * once, a ballot answers once, at most OPEN_BALLOTS_MAX open forms per office and day). Several
 * instances each count on their own, and a restart forgets the counts; neither weakens those
 * guarantees. Nothing here is written to disk, so no IP address is stored next to survey data.
 *
 * - per client IP (and per link): PER_CLIENT requests per window; a whole office behind one NAT
 *   address answering at the same time stays well below it;
 * - per link key (all clients together): PER_LINK requests per window;
 * - bodies above BODY_MAX bytes are refused before they are read into a handler.
 */
export const RATE_WINDOW_MS = 10 * 60_000;
export const PER_CLIENT = 200;
export const PER_LINK = 1000;
export const BODY_MAX = 32 * 1024;
/** Above this many counters the oldest windows are dropped; if they are all current, requests are refused. */
const MAX_KEYS = 50_000;

interface Window {
  count: number;
  resetAt: number;
}

@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, Window>();

  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    if (Number(req.header('content-length') ?? 0) > BODY_MAX) {
      throw new DomainError('payload_too_large', 'Die Antwort ist zu groß.');
    }
    const now = this.clock().getTime();
    const link = typeof req.params?.key === 'string' ? req.params.key.slice(0, 64) : 'code';
    const client = req.ip ?? req.socket.remoteAddress ?? 'unbekannt';
    const limited = [this.hit(`client:${link}:${client}`, PER_CLIENT, now), this.hit(`link:${link}`, link === 'code' ? Infinity : PER_LINK, now)].find((w) => w !== undefined);
    if (limited) {
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil((limited.resetAt - now) / 1000))));
      throw new DomainError('too_many_requests', 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.');
    }
    return true;
  }

  /** Counts a request; the window when it is over its limit. */
  private hit(key: string, limit: number, now: number): Window | undefined {
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      if (!w && this.windows.size >= MAX_KEYS) this.sweep(now);
      if (!w && this.windows.size >= MAX_KEYS) return { count: Infinity, resetAt: now + RATE_WINDOW_MS };
      w = { count: 0, resetAt: now + RATE_WINDOW_MS };
      this.windows.set(key, w);
    }
    w.count += 1;
    return w.count > limit ? w : undefined;
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}
