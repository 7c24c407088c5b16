import type { Response } from 'express';

/**
 * Headers of every HTML page: never cached (it names who is signed in), scripts and styles only
 * from this service, not framable.
 */
export function sendPage(res: Response, status: number, html: string): void {
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.send(html);
}

/** 303: after a form post the browser follows with GET; also used for the sign-in redirect of pages. */
export function redirect(res: Response, location: string): void {
  res.setHeader('Cache-Control', 'no-store');
  res.redirect(303, location);
}

/** Only same-site paths of the pages are followed after signing in (no open redirect). */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^\/(?!\/)[A-Za-z0-9\-/]*$/.test(value) && !value.includes('//') ? value : undefined;
}
