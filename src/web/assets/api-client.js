// Calls the JSON API with the session cookie. Every request carries X-Requested-With: the API
// refuses cookie-authenticated writes without it (CSRF guard in src/auth/auth.guard.ts).

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `Die Anfrage ist fehlgeschlagen (HTTP ${status}).`);
    this.status = status;
    this.details = (body && Array.isArray(body.details) && body.details) || [];
  }
}

export async function api(path, { method = 'GET', body, signal } = {}) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'standards-monitor' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', signal });
  const text = await res.text();
  let data;
  try {
    data = text ? JSON.parse(text) : null;
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
