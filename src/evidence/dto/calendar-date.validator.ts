import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isPlausibleDate } from '../../calendar';

export const DATE_MESSAGE = 'muss ein Datum im Format JJJJ-MM-TT zwischen 2000 und 2099 sein, das es im Kalender gibt (z. B. 2026-03-02)';

/** 'YYYY-MM-DD', a day that exists (2026-02-30 does not), in the years the service accepts. */
export const isCalendarDate = isPlausibleDate;

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
