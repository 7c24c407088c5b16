import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error';
import type { TokenRole } from './api-token.entity';
import { CLI_SECRET } from '../app/app-options';
import { CLI_SECRET_ONLY, IS_PUBLIC, PRINCIPAL, REQUIRED_ROLES } from './auth.decorators';
import type { Principal } from './principal';
import { TokenService } from './token.service';

/**
 * Registered globally: every route needs a valid bearer token unless it is marked @Public().
 * A forgotten decorator therefore fails closed; test/auth/route-guard.spec.ts walks all routes.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
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
    const principal = await this.principalOf(req);
    if (!principal) {
      throw new DomainError('unauthenticated', 'Anmeldung erforderlich: Das Zugangstoken fehlt, ist ungültig oder wurde widerrufen.');
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
    if (!expected || !given || given.length !== expected.length) return false;
    return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  }

  private async principalOf(req: Request): Promise<Principal | undefined> {
    const header = req.header('authorization');
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match) return undefined;
    return this.tokens.authenticate(match[1]);
  }
}
