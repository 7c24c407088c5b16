import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

/**
 * Control characters (C0, DEL, C1) and the Unicode marks that change the writing direction
 * (U+061C, U+200E/F, embeddings and overrides U+202A–E, isolates U+2066–9): invisible in a name,
 * they can make "Witten" display as another office's name on the pages and in exports.
 */
const WITHOUT_HIDDEN = /^[^\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]*$/u;

/**
 * An office's display name (issue 10): surrounding blanks are dropped first, so " " is empty and
 * refused, and what is stored is what was checked. Listed in the order they are checked (the
 * validation pipe stops at the first error): first the type, so a number is not called "too long".
 */
export function IsOfficeName(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString({ message: 'muss ein Text sein' }),
    MinLength(1, { message: 'darf nicht leer sein' }),
    MaxLength(120, { message: 'darf höchstens 120 Zeichen lang sein' }),
    Matches(WITHOUT_HIDDEN, { message: 'darf keine Steuerzeichen und keine unsichtbaren Zeichen zur Schreibrichtung enthalten' }),
  );
}
