// @ts-check
// Calls the JSON API with the session cookie. Every request carries X-Requested-With: the API
// refuses cookie-authenticated writes without it (CSRF guard in src/auth/auth.guard.ts).

/** @typedef {import('./api-types').ErrorDetail} ErrorDetail */

export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {unknown} body
   */
  constructor(status, body) {
    const data = /** @type {{ message?: unknown, details?: unknown } | null} */ (body && typeof body === 'object' ? body : null);
    super(typeof data?.message === 'string' ? data.message : `Die Anfrage ist fehlgeschlagen (HTTP ${status}).`);
    this.status = status;
    /** @type {ErrorDetail[]} */
    this.details = Array.isArray(data?.details) ? /** @type {ErrorDetail[]} */ (data.details) : [];
  }
}

/**
 * @typedef {object} ApiOptions
 * @property {string} [method]
 * @property {unknown} [body] sent as JSON
 * @property {string} [text] sent as it is, with `contentType` (a CSV file)
 * @property {string} [contentType]
 * @property {AbortSignal} [signal]
 */

/**
 * The parsed JSON answer; callers state its type with a JSDoc cast.
 * @param {string} path
 * @param {ApiOptions} [options]
 * @returns {Promise<any>}
 */
export async function api(path, { method = 'GET', body, text, contentType, signal } = {}) {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json', 'X-Requested-With': 'standards-monitor' };
  let payload;
  if (text !== undefined) {
    headers['Content-Type'] = contentType ?? 'text/plain; charset=utf-8';
    payload = text;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal });
  const raw = await res.text();
  let data;
  try {
    data = raw ? JSON.parse(raw) : null;
  } catch {
    data = null;
  }
  if (res.status === 401) {
    // The session ended (signed out elsewhere, token revoked): back to the sign-in page.
    globalThis.location.assign(`/anmelden?weiter=${encodeURIComponent(globalThis.location.pathname)}`);
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

/**
 * @param {unknown} err
 * @returns {string}
 */
export function errorText(err) {
  return err instanceof Error ? err.message : String(err);
}

/**
 * A text resource of the API (a CSV template), with the session cookie.
 * @param {string} path
 * @returns {Promise<string>}
 */
export async function apiText(path) {
  const res = await fetch(path, { headers: { 'X-Requested-With': 'standards-monitor' }, credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, null);
  return (await res.text()).replace(/^\uFEFF/, '');
}
