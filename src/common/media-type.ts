import type { Request } from 'express';
import { DomainError } from './domain-error';

/** The media type of a Content-Type header without parameters (charset …), lower case; '' when absent. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** The one 415 of the API: which format came, and which ones this route takes. */
export function unsupportedMediaType(contentType: string | undefined, accepted: string): DomainError {
  const type = mediaTypeOf(contentType);
  return new DomainError('unsupported_media_type', `Dieses Datenformat (${type || 'ohne Content-Type'}) wird nicht angenommen. Bitte ${accepted} senden.`);
}

/** Whether the request carries a body at all (a POST without one is judged by its route's validation). */
export function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}
