import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ERROR_STATUS, ErrorBody, ErrorCode, ErrorDetail } from './domain-error';
import { correlationIdOf } from '../logging/correlation-id';
import { MAX_JSON_DEPTH } from './json-depth';

const STATUS_CODE: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

const GERMAN_DEFAULT: Record<number, string> = {
  400: 'Die Anfrage ist ungültig.',
  401: 'Anmeldung erforderlich: Bitte ein gültiges Zugangstoken mitsenden (Authorization: Bearer …).',
  403: 'Für diese Aktion fehlt die Berechtigung.',
  404: 'Die angeforderte Seite oder Ressource gibt es nicht.',
  405: 'Diese Methode ist hier nicht erlaubt.',
  409: 'Die Anfrage steht im Widerspruch zum gespeicherten Stand.',
  413: 'Die Anfrage ist zu groß.',
  415: 'Dieses Datenformat wird hier nicht angenommen.',
};

/**
 * Every error leaves the service in one shape (ErrorBody) with a German message. Anything that is
 * not an intended error becomes a 500 whose details stay in the log under the correlation id.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const body = this.toBody(exception, correlationIdOf(req), req.headers['content-encoding']);
    if (body.error === 'internal_error') {
      this.logger.error({ msg: 'unhandled error', correlationId: body.correlationId, path: req.path, err: describe(exception) });
    }
    if (res.headersSent) {
      // A streamed export failed half-way: end the connection so the client sees a broken download, not a hang.
      res.destroy();
      return;
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, correlationId: string, contentEncoding: string | undefined): ErrorBody {
    if (exception instanceof DomainError) {
      return { statusCode: ERROR_STATUS[exception.code], error: exception.code, message: exception.message, details: capped(exception.details), correlationId };
    }
    if (exception instanceof HttpException) {
      // Nest wraps body-parser's errors in an HttpException; their `type` (or a zlib `code`) says what went wrong.
      const cause = (exception as { cause?: { type?: unknown; code?: unknown } }).cause;
      const parserError = isZlibError(cause) ? notUnpackable(contentEncoding) : typeof cause?.type === 'string' ? bodyParserStatus(cause, contentEncoding) : undefined;
      if (parserError) {
        return { statusCode: parserError.status, error: STATUS_CODE[parserError.status] ?? 'validation_failed', message: parserError.message, details: [], correlationId };
      }
      const status = exception.getStatus();
      if (status === 400 && /JSON/.test(exception.message)) {
        return { statusCode: 400, error: 'validation_failed', message: 'Der Inhalt ist kein gültiges JSON.', details: [], correlationId };
      }
      const response = exception.getResponse();
      const details: ErrorDetail[] = typeof response === 'object' && response && Array.isArray((response as { details?: unknown }).details)
        ? ((response as { details: ErrorDetail[] }).details)
        : [];
      return {
        statusCode: status,
        error: STATUS_CODE[status] ?? (status >= 500 ? 'internal_error' : 'validation_failed'),
        message: GERMAN_DEFAULT[status] ?? 'Die Anfrage konnte nicht verarbeitet werden.',
        details,
        correlationId,
      };
    }
    // PostgreSQL data exceptions (class 22: a NUL byte in text, a date out of range, a number too
    // large) come from values a client sent that slipped past validation: the client's fault, not a 500.
    const pgCode = (exception as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? '';
    if (/^22/.test(pgCode)) {
      return { statusCode: 400, error: 'validation_failed', message: 'Die Anfrage enthält einen Wert, der nicht gespeichert oder verarbeitet werden kann (z. B. ein Datum außerhalb des gültigen Bereichs oder ein unzulässiges Zeichen).', details: [], correlationId };
    }
    const parserStatus = bodyParserStatus(exception, contentEncoding);
    if (parserStatus) {
      return {
        statusCode: parserStatus.status,
        error: STATUS_CODE[parserStatus.status] ?? 'validation_failed',
        message: parserStatus.message,
        details: [],
        correlationId,
      };
    }
    return {
      statusCode: 500,
      error: 'internal_error',
      message: `Interner Fehler. Bitte wenden Sie sich mit der Kennung ${correlationId} an den Betrieb.`,
      details: [],
      correlationId,
    };
  }
}

/** A file that is wrong on every line would answer with megabytes of details; the first ones show the pattern. */
const MAX_DETAILS = 200;

function capped(details: ErrorDetail[]): ErrorDetail[] {
  if (details.length <= MAX_DETAILS) return details;
  return [...details.slice(0, MAX_DETAILS), { field: '', message: `… und ${details.length - MAX_DETAILS} weitere Fehler derselben Anfrage.` }];
}

/** body-parser throws plain errors with a `type`; they are the client's fault, not ours. */
function bodyParserStatus(exception: unknown, contentEncoding: string | undefined): { status: number; message: string } | undefined {
  const e = exception as { type?: string; status?: number };
  switch (e?.type) {
    case 'entity.too.large':
      return { status: 413, message: 'Die Anfrage ist zu groß. Bitte die Daten in kleineren Teilen senden.' };
    case 'entity.parse.failed':
      return { status: 400, message: 'Der Inhalt ist kein gültiges JSON.' };
    case 'entity.too.deep':
      return { status: 400, message: `Die JSON-Daten sind zu tief verschachtelt (höchstens ${MAX_JSON_DEPTH} Ebenen); es wurde nichts gespeichert.` };
    case 'encoding.unsupported':
      // body-parser's name for an unknown Content-Encoding (compression); an unknown charset is 'charset.unsupported'.
      return { status: 415, message: `Die Kompression des Inhalts (Content-Encoding: ${quoted(contentEncoding)}) wird nicht unterstützt; bitte unkomprimiert oder mit gzip, deflate oder br senden.` };
    case 'charset.unsupported':
      return { status: 415, message: 'Diese Zeichenkodierung wird nicht unterstützt; bitte UTF-8 verwenden.' };
    case 'request.aborted':
      return { status: 400, message: 'Die Anfrage wurde abgebrochen.' };
    default:
      return e?.status && e.status >= 400 && e.status < 500 ? { status: e.status, message: GERMAN_DEFAULT[e.status] ?? 'Die Anfrage ist ungültig.' } : undefined;
  }
}

/**
 * A body announced as compressed that does not unpack: body-parser passes zlib's error on without a
 * type of its own. Only an error wrapped by Nest's body parsing is taken for one (a zlib error of our
 * own code stays a 500).
 */
function notUnpackable(contentEncoding: string | undefined): { status: number; message: string } {
  return {
    status: 400,
    message: `Der Inhalt lässt sich nicht entpacken, obwohl er als komprimiert angekündigt ist (Content-Encoding: ${quoted(contentEncoding)}); bitte unkomprimiert ohne Content-Encoding oder richtig komprimiert senden.`,
  };
}

/** A header value as the client sent it, short enough for a message. */
const quoted = (value: string | undefined) => (value ?? '').slice(0, 40);

/** zlib's errors carry a numeric errno and a code such as Z_DATA_ERROR or ERR__ERROR_FORMAT_PADDING_2 (brotli). */
function isZlibError(e: unknown): boolean {
  const { errno, code } = (e ?? {}) as { errno?: unknown; code?: unknown };
  return typeof errno === 'number' && typeof code === 'string' && /^(Z_|ERR__|ERR_BROTLI|ERR_ZSTD)/.test(code);
}

function describe(e: unknown): Record<string, unknown> {
  return e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : { value: String(e) };
}
