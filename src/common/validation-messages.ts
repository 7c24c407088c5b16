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

function german(constraint: string, original: string): string {
  // A message set in a DTO is German already; class-validator's English defaults are replaced.
  const englishDefault = /\b(must|should|property|each value)\b/.test(original);
  return englishDefault ? (GERMAN[constraint] ?? 'ist ungültig') : original;
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const field = prefix ? (/^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`) : e.property;
    for (const [constraint, message] of Object.entries(e.constraints ?? {})) {
      out.push({ field, message: german(constraint, message) });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}
