import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { BrowserSessionRepository, type SessionLimits } from './browser-session.repository';
import type { Principal } from './principal';
import { hashToken, TokenService } from './token.service';

/** The web pages' session ends after 8 hours without a request and 24 hours after sign-in at the latest. */
export const SESSION_IDLE_SECONDS = 8 * 3600;
export const SESSION_ABSOLUTE_SECONDS = 24 * 3600;
const LIMITS: SessionLimits = { idleSeconds: SESSION_IDLE_SECONDS, absoluteSeconds: SESSION_ABSOLUTE_SECONDS, touchEverySeconds: 60 };
const PREFIX = 'sms_';

/**
 * Server-side sessions of the web pages (issue 10). Signing in with a token creates a session with
 * a random id (256 bits); only its hash is stored, and the browser's cookie holds only the id: the
 * token itself never leaves the sign-in request. A session ends on sign-out, after 8 hours without
 * use, 24 hours after sign-in, and at once when its token is revoked.
 */
@Injectable()
export class BrowserSessionService {
  constructor(
    private readonly sessions: BrowserSessionRepository,
    private readonly tokens: TokenService,
  ) {}

  /** A new session for a valid token, or undefined for an unknown or revoked one. */
  async signIn(token: string): Promise<{ sessionId: string; principal: Principal } | undefined> {
    const principal = await this.tokens.authenticate(token);
    if (!principal) return undefined;
    const sessionId = PREFIX + randomBytes(32).toString('base64url');
    await this.sessions.purgeOlderThan(SESSION_ABSOLUTE_SECONDS + 7 * 86_400);
    await this.sessions.create(hashToken(sessionId), principal.tokenId);
    return { sessionId, principal };
  }

  async principalOf(sessionId: string): Promise<Principal | undefined> {
    if (!sessionId.startsWith(PREFIX) || sessionId.length > 100) return undefined;
    return this.sessions.principalOf(hashToken(sessionId), LIMITS);
  }

  async signOut(sessionId: string): Promise<void> {
    if (sessionId.startsWith(PREFIX) && sessionId.length <= 100) await this.sessions.end(hashToken(sessionId));
  }
}
