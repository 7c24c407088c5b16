/**
 * Errors the service raises on purpose. Each code maps to one HTTP status in ERROR_STATUS; the
 * Record type makes a new code that nobody mapped a compile error.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'service_unavailable'
  | 'too_many_requests'
  | 'internal_error'
  | 'not_implemented';

export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  service_unavailable: 503,
  too_many_requests: 429,
  internal_error: 500,
  not_implemented: 501,
};

/** One problem in a request: the field (dot path), the CSV/array line if any, and a German text. */
export interface ErrorDetail {
  field: string;
  message: string;
  line?: number;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }

  static validation(details: ErrorDetail[], message = 'Die Anfrage enthält ungültige Angaben.'): DomainError {
    return new DomainError('validation_failed', message, details);
  }

  static notFound(message: string): DomainError {
    return new DomainError('not_found', message);
  }

  static forbidden(message = 'Für diese Regionalstelle fehlt die Berechtigung.'): DomainError {
    return new DomainError('forbidden', message);
  }
}

/** The one error body every route answers with. */
export interface ErrorBody {
  statusCode: number;
  error: ErrorCode;
  message: string;
  details: ErrorDetail[];
  correlationId: string;
}
