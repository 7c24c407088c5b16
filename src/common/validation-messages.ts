import type { ValidationError } from 'class-validator';
import type { ErrorDetail } from './domain-error';

/**
 * class-validator speaks English; clerks read German. Each constraint name maps to a German
 * sentence ending; a decorator's own message (set with { message }) wins when it is German already.
 */
const GERMAN: Record<string, string> = {
  whitelistValidation: 'ist kein zulässiges Feld',
  isDefined: 'fehlt',
  isNotEmpty: 'darf nicht leer sein',
  isString: 'muss ein Text sein',
  isInt: 'muss eine ganze Zahl sein',
  isNumber: 'muss eine Zahl sein',
  isBoolean: 'muss true oder false sein',
  isArray: 'muss eine Liste sein',
  isObject: 'muss ein Objekt sein',
  isIn: 'hat einen unzulässigen Wert',
  isEnum: 'hat einen unzulässigen Wert',
  isISO8601: 'muss ein Datum im Format JJJJ-MM-TT sein',
  isDateString: 'muss ein Datum im Format JJJJ-MM-TT sein',
  matches: 'hat ein ungültiges Format',
  min: 'ist zu klein',
  max: 'ist zu groß',
  maxLength: 'ist zu lang',
  minLength: 'ist zu kurz',
  arrayMinSize: 'enthält zu wenige Einträge',
  arrayMaxSize: 'enthält zu viele Einträge',
  arrayNotEmpty: 'darf nicht leer sein',
  nestedValidation: 'ist ungültig',
  isUuid: 'muss eine gültige ID sein',
};

/** Nest's ValidationPipe says this when the body is a list or a plain value where the DTO expects an object. */
const NOT_AN_OBJECT = 'Validation failed (object is expected)';
export const NOT_AN_OBJECT_MESSAGE = 'Der Inhalt der Anfrage muss ein JSON-Objekt sein.';

/** forbidUnknownValues: the value has no validation rules at all (not an instance of the DTO). */
const UNKNOWN_VALUE = 'an unknown value was passed to the validate function';

/**
 * class-validator builds its default messages in a few fixed shapes: "<property> must …",
 * "<property> should …", "<property> is …", with "each value in ", "nested property ", "property "
 * or "minimal/maximal allowed date for " in front. They are recognised by that shape, with the
 * property's own name, not by English words anywhere: a German message may quote English enum
 * values ("muss must, should, aim oder observe sein") and must stay as written.
 */
function isEnglishDefault(message: string, property: string | undefined): boolean {
  if (message === '' || message === UNKNOWN_VALUE) return true;
  if (property === undefined) return false;
  const name = property.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const prefixes = '(?:each value in |nested property |property |All |(?:minimal|maximal) allowed date for )*';
  return new RegExp(`^${prefixes}${name}(?:'s)? (?:must|should|is|has)\\b`).test(message);
}

function german(constraint: string, original: string, property: string | undefined): string {
  // A message set in a DTO is German already; class-validator's English defaults are replaced.
  return isEnglishDefault(original, property) ? (GERMAN[constraint] ?? 'ist ungültig') : original;
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const field = prefix ? (/^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`) : e.property;
    for (const [constraint, message] of Object.entries(e.constraints ?? {})) {
      // The whole body is wrong, not one of its fields: no field to name.
      if (message === NOT_AN_OBJECT) out.push({ field: '', message: NOT_AN_OBJECT_MESSAGE });
      else out.push({ field, message: german(constraint, message, e.property) });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}
