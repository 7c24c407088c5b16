import type { Request } from 'express';
import { SESSION_COOKIE } from '../auth/auth.guard';

/**
 * The session cookie holds the token itself: HTTP-only (page scripts never see it), SameSite=Strict
 * (no other site's request carries it), Secure when the page came over https. It lives until the
 * browser closes or the user signs out; revoking the token ends it at once, because every request
 * authenticates the token anew.
 */
export function sessionCookie(req: Pick<Request, 'secure'>, token: string): string {
  return [`${SESSION_COOKIE}=${encodeURIComponent(token)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', ...(req.secure ? ['Secure'] : [])].join('; ');
}

export function clearedSessionCookie(req: Pick<Request, 'secure'>): string {
  return [`${SESSION_COOKIE}=`, 'Path=/', 'Max-Age=0', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'HttpOnly', 'SameSite=Strict', ...(req.secure ? ['Secure'] : [])].join('; ');
}
