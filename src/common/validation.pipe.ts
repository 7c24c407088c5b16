import { ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';
import { cacheValidationMetadata } from './validation-metadata-cache';
import { flattenValidationErrors } from './validation-messages';

/** Global validation: DTO classes at the edge, unknown fields rejected, German field messages. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // One message per field is what a clerk can act on; the rest usually follow from the first.
    stopAtFirstError: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => DomainError.validation(flattenValidationErrors(errors)),
  });
}
