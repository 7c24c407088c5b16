import { type ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from './domain-error';
import { unsafeTextIn } from './unsafe-text';

/**
 * Texts that cannot be stored (a NUL character, a lone UTF-16 surrogate; see unsafe-text.ts) are
 * refused with their field before the handler runs, in every path parameter, query and body;
 * otherwise PostgreSQL fails deep in a query, or the text is stored with U+FFFD in its place.
 * Imports read their body from the request, which no pipe sees: row-validation.ts checks their
 * rows the same way, by line and field.
 */
@Injectable()
export class UnsafeTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // Custom parameters (the principal) are the service's own values, not the client's.
    if (metadata.type === 'custom') return value;
    const problems = unsafeTextIn(value, metadata.data ?? '');
    if (problems.length > 0) throw DomainError.validation(problems);
    return value;
  }
}
