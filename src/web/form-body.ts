import type { Request } from 'express';

const LIMIT = 8 * 1024;

/**
 * The fields of a sign-in form (application/x-www-form-urlencoded). The app registers only the JSON
 * and text body parsers, so the one form the pages post is read here, with a small size limit.
 * A JSON body (already parsed) is accepted too.
 */
export async function formFields(req: Request): Promise<Record<string, string>> {
  const type = req.headers['content-type'] ?? '';
  if (/^application\/json\b/i.test(type)) {
    const body: unknown = req.body;
    if (!body || typeof body !== 'object') return {};
    return Object.fromEntries(Object.entries(body as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) return {};
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > LIMIT) return {};
    chunks.push(chunk);
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}
