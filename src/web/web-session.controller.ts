import { Controller, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { cookieValue, SESSION_COOKIE } from '../auth/auth.guard';
import { BrowserSessionService } from '../auth/browser-session.service';
import { formFields } from './form-body';
import { redirect, safeReturnPath, sendPage } from './page-response';
import { PageSessionService } from './page-session.service';
import { clearedSessionCookie, sessionCookie } from './session-cookie';
import { renderSignIn } from './sign-in.page';

const WRONG_TOKEN = 'Dieses Zugangstoken ist unbekannt oder wurde widerrufen. Bitte prüfen Sie die Eingabe.';
const EMPTY_TOKEN = 'Bitte geben Sie Ihr Zugangstoken ein.';
const FOREIGN_ORIGIN = 'Die Anmeldung wurde abgewiesen, weil sie nicht von dieser Seite kam.';

/**
 * Sign-in and sign-out of the web pages. Both accept a plain form (the pages work without
 * JavaScript) or JSON (answered with JSON instead of a page).
 */
@ApiExcludeController()
@Public()
@Controller('web')
export class WebSessionController {
  constructor(
    private readonly sessions: BrowserSessionService,
    private readonly session: PageSessionService,
  ) {}

  @Post('session')
  async signIn(@Req() req: Request, @Res() res: Response): Promise<void> {
    const json = /^application\/json\b/i.test(req.headers['content-type'] ?? '');
    const fields = await formFields(req);
    const returnTo = safeReturnPath(fields.weiter);
    const refuse = (status: number, message: string) => {
      if (json) res.status(status).json({ statusCode: status, error: status === 403 ? 'forbidden' : 'unauthenticated', message, details: [] });
      else sendPage(res, status, renderSignIn({ error: message, returnTo }));
    };
    // A sign-in posted from another site would plant that site's session (login CSRF).
    if (!sameOrigin(req)) return refuse(403, FOREIGN_ORIGIN);
    const token = (fields.token ?? '').trim();
    if (!token) return refuse(401, EMPTY_TOKEN);
    const signedIn = await this.sessions.signIn(token);
    if (!signedIn) return refuse(401, WRONG_TOKEN);
    const { principal } = signedIn;
    // The cookie carries the new session's id; the token stays in this request.
    res.setHeader('Set-Cookie', sessionCookie(req, signedIn.sessionId));
    const landing = returnTo ?? this.session.landingPath({ principal });
    if (json) {
      res.setHeader('Cache-Control', 'no-store');
      res.status(200).json({ role: principal.role, officeIds: principal.officeIds, landing });
    } else {
      redirect(res, landing);
    }
  }

  @Post('abmelden')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    // Another site must not be able to sign a clerk out with a cross-site form either.
    if (!sameOrigin(req)) {
      res.status(403).type('text/plain; charset=utf-8').send('Die Abmeldung wurde abgewiesen, weil sie nicht von dieser Seite kam.');
      return;
    }
    // The session ends on the server too: a copy of the cookie is worthless from now on.
    const sessionId = cookieValue(req.header('cookie'), SESSION_COOKIE);
    if (sessionId) await this.sessions.signOut(sessionId);
    res.setHeader('Set-Cookie', clearedSessionCookie(req));
    if (/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      res.status(200).json({ signedOut: true });
    } else {
      redirect(res, '/anmelden?abgemeldet=1');
    }
  }
}

/** Browsers send Origin with every POST; when present it must name this host. */
function sameOrigin(req: Request): boolean {
  const origin = req.header('origin');
  if (!origin || origin === 'null') return origin !== 'null';
  try {
    // req.host honours X-Forwarded-Host when TRUST_PROXY is set (a proxy may rewrite Host).
    return new URL(origin).host === (req.host ?? req.header('host'));
  } catch {
    return false;
  }
}
