import type { ErrorDetail } from './domain-error';

/** With the u flag a surrogate half matches only when it stands alone (a pair is one code point). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

const NUL_MESSAGE = 'enthält ein unzulässiges Steuerzeichen (NUL)';
const SURROGATE_MESSAGE = 'enthält ein ungültiges Zeichen (ein unvollständiges Unicode-Zeichen, etwa ein abgeschnittenes Emoji)';

/**
 * Why a text cannot be stored as it is, or undefined. PostgreSQL refuses a NUL character in text;
 * a lone UTF-16 surrogate (JSON allows "\ud800") cannot be written as UTF-8 at all: the driver
 * stores U+FFFD in its place without a word, and jsonb refuses it.
 */
export function unsafeText(text: string): string | undefined {
  if (text.includes('\u0000')) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(text)) return SURROGATE_MESSAGE;
  return undefined;
}

/** Deeper than any DTO or import row; deeper JSON is refused while parsing (json-depth.ts). */
const MAX_DEPTH = 40;

/**
 * Every text in a value (keys included) that cannot be stored, with its path in the notation of the
 * validation messages ("note", "rows[0].reason"); a key is named by itself.
 */
export function unsafeTextIn(value: unknown, path = ''): ErrorDetail[] {
  return collect(value, path, 0, []);
}

function collect(value: unknown, path: string, depth: number, out: ErrorDetail[]): ErrorDetail[] {
  if (typeof value === 'string') {
    const message = unsafeText(value);
    if (message) out.push({ field: path, message });
    return out;
  }
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return out;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const field = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    const keyProblem = Array.isArray(value) ? undefined : unsafeText(key);
    if (keyProblem) out.push({ field, message: `${keyProblem} im Feldnamen` });
    else collect(item, field, depth + 1, out);
  }
  return out;
}
