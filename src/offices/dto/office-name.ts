import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { WithoutHiddenCharacters } from '../../common/hidden-characters';

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
    WithoutHiddenCharacters(),
  );
}
