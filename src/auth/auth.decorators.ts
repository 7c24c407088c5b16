import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { TokenRole } from './api-token.entity';
import type { Principal } from './principal';

export const IS_PUBLIC = 'auth:isPublic';
export const REQUIRED_ROLES = 'auth:roles';
export const PRINCIPAL = Symbol('principal');

/** Routes without a token: health and API docs only. The route-guard test lists them. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts a route to roles; without it any valid token passes the guard. */
export const Roles = (...roles: TokenRole[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<{ [PRINCIPAL]?: Principal }>();
  return req[PRINCIPAL]!;
});

export const CLI_SECRET_ONLY = 'auth:cliSecretOnly';

/** Authorised by the data folder's CLI secret instead of a bearer token (see cli-bridge.controller.ts). */
export const CliSecretOnly = () => SetMetadata(CLI_SECRET_ONLY, true);
