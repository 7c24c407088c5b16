import type { Request } from 'express';
import { SESSION_COOKIE } from '../auth/auth.guard';
import { SESSION_ABSOLUTE_SECONDS } from '../auth/browser-session.service';

/**
 * The session cookie holds the session id only (src/auth/browser-session.service.ts), never the
 * token: HTTP-only (page scripts never see it), SameSite=Strict (no other site's request carries
 * it), Secure when the page came over https, and gone from the browser when the session's absolute
 * lifetime is over. The server decides whether the session still lives (idle limit, sign-out,
 * revoked token), whatever the browser keeps.
 */
export function sessionCookie(req: Pick<Request, 'secure'>, sessionId: string): string {
  return [`${SESSION_COOKIE}=${encodeURIComponent(sessionId)}`, 'Path=/', `Max-Age=${SESSION_ABSOLUTE_SECONDS}`, 'HttpOnly', 'SameSite=Strict', ...(req.secure ? ['Secure'] : [])].join('; ');
}

export function clearedSessionCookie(req: Pick<Request, 'secure'>): string {
  return [`${SESSION_COOKIE}=`, 'Path=/', 'Max-Age=0', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'HttpOnly', 'SameSite=Strict', ...(req.secure ? ['Secure'] : [])].join('; ');
}
