import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';
import { cacheValidationMetadata } from './validation-metadata-cache';
import { flattenValidationErrors, NOT_AN_OBJECT_MESSAGE } from './validation-messages';

/** Types Nest does not validate as a DTO (a body declared as one of them is taken as it is). */
const PLAIN_TYPES: unknown[] = [String, Boolean, Number, Array, Object, Buffer];

/**
 * Nest checks the shape of a body only after class-transformer has copied it: a list of objects
 * becomes a list of DTOs whose indexes ("0", "1") are then refused as unknown fields, which says
 * nothing useful. A body that is not a JSON object where a DTO expects one is named as such first.
 */
class BodyShapeValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.type === 'body' && typeof metadata.metatype === 'function' && !PLAIN_TYPES.includes(metadata.metatype);
    const notAnObject = value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value));
    if (dto && notAnObject) throw DomainError.validation([{ field: '', message: NOT_AN_OBJECT_MESSAGE }]);
    return super.transform(value, metadata);
  }
}

/** Global validation: DTO classes at the edge, unknown fields rejected, German field messages. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new BodyShapeValidationPipe({
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
