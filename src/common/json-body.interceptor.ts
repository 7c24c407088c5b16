import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { hasBody, mediaTypeOf, unsupportedMediaType } from './media-type';

/**
 * A route that reads a DTO with @Body() takes JSON only. Only JSON is parsed for it, so a form, a
 * multipart upload or application/vnd.api+json arrived as an empty body and was answered with
 * "fehlt" for every required field, as if the client had forgotten them. Routes that read the
 * request themselves (imports with their CSV, the sign-in form of the pages) declare no @Body()
 * and decide on their own.
 */
export class JsonBodyInterceptor implements NestInterceptor {
  private readonly readsBody = new WeakMap<object, boolean>();

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<Request>();
    if (hasBody(req) && mediaTypeOf(req.headers['content-type']) !== 'application/json' && this.takesBody(ctx)) {
      throw unsupportedMediaType(req.headers['content-type'], 'JSON (Content-Type: application/json)');
    }
    return next.handle();
  }

  /** Whether the handler has a @Body() parameter; Nest keeps its parameters as "<type>:<index>" keys. */
  private takesBody(ctx: ExecutionContext): boolean {
    const handler = ctx.getHandler();
    let known = this.readsBody.get(handler);
    if (known === undefined) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, ctx.getClass(), handler.name) ?? {}) as Record<string, unknown>;
      known = Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
      this.readsBody.set(handler, known);
    }
    return known;
  }
}
