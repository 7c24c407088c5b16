import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, from, mergeMap, of, type Observable } from 'rxjs';
import { PRINCIPAL } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { IdempotencyRepository, type IdempotencyScope } from './idempotency.repository';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Printable ASCII without blanks, as the IETF draft and common clients (UUIDs) use. */
const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key` for routes that create something (issue 10): a retried POST whose first answer
 * was lost gets that answer again (header Idempotent-Replayed: true) instead of creating a second
 * record. Keys are scoped to the token and the route; the same key with other data is a 409, as is
 * a retry while the first request is still running. Only successful answers are kept: after an
 * error the client may correct the request and send it again under the same key.
 * Without the header a request is processed as always.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly keys: IdempotencyRepository) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<Request & { [PRINCIPAL]?: Principal }>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const key = req.header(IDEMPOTENCY_HEADER);
    if (key === undefined) return next.handle();
    if (!KEY.test(key)) {
      throw DomainError.validation([{ field: 'Idempotency-Key', message: 'muss aus 1 bis 200 sichtbaren ASCII-Zeichen ohne Leerzeichen bestehen (z. B. eine UUID)' }]);
    }
    const scope: IdempotencyScope = { tokenId: req[PRINCIPAL]!.tokenId, route: `${req.method} ${req.route?.path ?? req.path}`, key };
    const hash = createHash('sha256').update(JSON.stringify(req.body ?? null)).digest('hex');
    const claim = await this.keys.claim(scope, hash);
    switch (claim.kind) {
      case 'replay':
        res.status(claim.statusCode);
        res.setHeader('Idempotent-Replayed', 'true');
        return of(claim.response);
      case 'other-request':
        throw new DomainError('conflict', 'Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet. Bitte für neue Daten einen neuen Schlüssel senden; es wurde nichts gespeichert.');
      case 'in-progress':
        throw new DomainError('conflict', 'Eine Anfrage mit diesem Idempotency-Key wird gerade verarbeitet. Bitte die Antwort abwarten und dann erneut senden.');
      case 'claimed': {
        const status = Reflect.getMetadata(HTTP_CODE_METADATA, ctx.getHandler()) ?? (req.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
        return next.handle().pipe(
          mergeMap((body) => from(this.keys.complete(scope, status, body).then(() => body))),
          catchError((err: unknown) =>
            from(
              this.keys.release(scope).then(
                () => Promise.reject(err),
                () => Promise.reject(err),
              ),
            ),
          ),
        );
      }
    }
  }
}
