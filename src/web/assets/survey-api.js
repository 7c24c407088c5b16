// @ts-check
import { api } from './api-client.js';

// Writes of the survey pages through the shared API client (cookie, X-Requested-With).

/**
 * @param {string} path
 * @param {unknown} body
 * @returns {Promise<any>}
 */
export function postJson(path, body) {
  /** @type {any} */
  const options = { method: 'POST', body };
  return api(path, options);
}

/**
 * German messages of a failed request: the field messages if there are any, else the message.
 * @param {unknown} err
 */
export function errorText(err) {
  const details = /** @type {{ details?: Array<{ message: string }> }} */ (err).details;
  if (Array.isArray(details) && details.length) return details.map((d) => d.message).join('; ');
  return err instanceof Error ? err.message : String(err);
}
