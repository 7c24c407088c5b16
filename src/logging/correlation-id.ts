import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const KEY = Symbol('correlationId');
type WithId = Request & { [KEY]?: string };

/** A per-request id, echoed as X-Correlation-Id and written into every error body and log line. */
export function correlationIdOf(req: Request): string {
  const r = req as WithId;
  if (!r[KEY]) {
    const given = req.header?.('x-correlation-id');
    r[KEY] = given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
  }
  return r[KEY]!;
}

export function correlationIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Correlation-Id', correlationIdOf(req));
  next();
}
