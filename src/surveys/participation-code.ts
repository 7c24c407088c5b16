import { createHash, randomBytes } from 'node:crypto';

/**
 * One-time participation codes for staff surveys: 13 characters of Crockford's base32 (65 random
 * bits), printed as ABCD-EFGH-JKMNP. Crockford's alphabet has no I, L, O or U, and reading a typed
 * code maps the look-alikes back (O → 0, I/L → 1), so a code copied from paper by hand still works.
 * Only the SHA-256 of the normalised code is stored.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 13;
export const CODE_BITS = CODE_LENGTH * 5;

export function generateCode(): string {
  // 32 divides 256: the low five bits of a random byte are uniform.
  const chars = [...randomBytes(CODE_LENGTH)].map((b) => ALPHABET[b & 31]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** The code as stored and compared, or undefined when the input cannot be a code. */
export function normaliseCode(input: string): string | undefined {
  const plain = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (plain.length !== CODE_LENGTH) return undefined;
  for (const c of plain) if (!ALPHABET.includes(c)) return undefined;
  return plain;
}

export function hashCode(normalised: string): string {
  return sha256(`survey-code:${normalised}`);
}

/** The key of an office's public link (128 random bits, URL-safe); printed, so stored as it is. */
export function generateLinkKey(): string {
  return randomBytes(16).toString('base64url');
}

/** A ballot: handed out when a public form is opened, stored only as its hash, consumed by the answer. */
export function generateBallot(): { ballot: string; hash: string } {
  const ballot = randomBytes(24).toString('base64url');
  return { ballot, hash: hashBallot(ballot) };
}

export function hashBallot(ballot: string): string {
  return sha256(`survey-ballot:${ballot}`);
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
