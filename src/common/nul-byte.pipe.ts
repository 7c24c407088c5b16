import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from './domain-error';

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.entries(value as Record<string, unknown>).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}

/**
 * PostgreSQL cannot store or compare a NUL character in text. Rather than fail deep in a query, a
 * path parameter, query or body carrying one is refused before the handler runs. (Raw CSV bodies
 * read from the request are covered by the error filter's mapping of PostgreSQL data errors.)
 */
@Injectable()
export class NulBytePipe implements PipeTransform {
  transform(value: unknown): unknown {
    if (containsNul(value)) throw DomainError.validation([{ field: '', message: 'Die Anfrage enthält ein unzulässiges Steuerzeichen (NUL).' }]);
    return value;
  }
}
