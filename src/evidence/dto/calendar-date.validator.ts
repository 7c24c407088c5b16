import { registerDecorator, type ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';

export const DATE_MESSAGE = 'muss ein Datum im Format JJJJ-MM-TT sein, das es im Kalender gibt (z. B. 2026-03-02)';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 'YYYY-MM-DD' and a day that exists (2026-02-30 does not). */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

export function IsCalendarDate(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: DATE_MESSAGE, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}
