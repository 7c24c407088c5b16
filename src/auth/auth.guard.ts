import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error';
import type { TokenRole } from './api-token.entity';
import { CLI_SECRET } from '../app/app-options';
import { CLI_SECRET_ONLY, IS_PUBLIC, PRINCIPAL, REQUIRED_ROLES } from './auth.decorators';
import type { Principal } from './principal';
import { BrowserSessionService } from './browser-session.service';
import { TokenService } from './token.service';

/** The HTTP-only cookie of the web pages (src/web/); it carries a session id, never the token (browser-session.service.ts). */
export const SESSION_COOKIE = 'sm_session';

/** The header the pages' fetch sends; a cross-site form cannot set it, so it guards cookie-authenticated writes. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'standards-monitor';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The value of one cookie in a Cookie header (no cookie-parser dependency for one cookie). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Registered globally: every route needs a valid bearer token unless it is marked @Public().
 * A forgotten decorator therefore fails closed; test/auth/route-guard.spec.ts walks all routes.
 * Without an Authorization header the web pages' session cookie (a session id) is accepted instead; a request
 * that changes something with it must also carry X-Requested-With (CSRF guard).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: BrowserSessionService,
    @Inject(CLI_SECRET) private readonly cliSecret: () => string | undefined,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { [PRINCIPAL]?: Principal }>();
    if (this.reflector.getAllAndOverride<boolean>(CLI_SECRET_ONLY, targets)) {
      if (this.validCliSecret(req.header('x-cli-secret'))) return true;
      throw new DomainError('unauthenticated', 'Anmeldung erforderlich.');
    }
    const { principal, viaCookie } = await this.principalOf(req);
    if (!principal) {
      throw new DomainError('unauthenticated', 'Anmeldung erforderlich: Das Zugangstoken fehlt, ist ungültig oder wurde widerrufen.');
    }
    if (viaCookie && !SAFE_METHODS.has(req.method) && req.header(CSRF_HEADER) !== CSRF_HEADER_VALUE) {
      throw DomainError.forbidden('Diese Anfrage wurde abgewiesen: Änderungen über die Anmeldung im Browser sind nur aus den Seiten des Dienstes heraus möglich (X-Requested-With fehlt).');
    }
    req[PRINCIPAL] = principal;
    const roles = this.reflector.getAllAndOverride<TokenRole[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(principal.role)) {
      throw DomainError.forbidden('Diese Aktion ist der Koordinierungsstelle vorbehalten.');
    }
    return true;
  }

  private validCliSecret(given: string | undefined): boolean {
    const expected = this.cliSecret();
    if (!expected || !given) return false;
    // Digests have equal length whatever was sent (timingSafeEqual throws on unequal lengths).
    const digest = (v: string) => createHash('sha256').update(v, 'utf8').digest();
    return timingSafeEqual(digest(given), digest(expected));
  }

  private async principalOf(req: Request): Promise<{ principal?: Principal; viaCookie: boolean }> {
    const header = req.header('authorization');
    if (header === undefined) {
      const sessionId = cookieValue(req.header('cookie'), SESSION_COOKIE);
      return { principal: sessionId ? await this.sessions.principalOf(sessionId) : undefined, viaCookie: true };
    }
    const match = header.match(/^Bearer\s+(\S+)$/i);
    return { principal: match ? await this.tokens.authenticate(match[1]) : undefined, viaCookie: false };
  }
}
