import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { correlationIdOf } from './correlation-id';

const logger = new Logger('http');

/** One line per request: method, path (no query: it may carry dates only, but keep it lean), status, duration. */
export function requestLogMiddleware(req: Request, res: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.log({ msg: 'request', method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10, correlationId: correlationIdOf(req) });
  });
  next();
}
