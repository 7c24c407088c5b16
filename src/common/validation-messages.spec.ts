import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxDate, ValidateNested, validateSync } from 'class-validator';
import { flattenValidationErrors, NOT_AN_OBJECT_MESSAGE } from './validation-messages';

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

class Inner {
  @IsInt()
  count!: number;
}

class Sample {
  @IsOptional()
  @IsIn(['must', 'should', 'aim', 'observe'], { message: 'muss must, should, aim oder observe sein' })
  obligation?: string;

  @IsOptional()
  @IsIn(['must'], { message: 'should ist hier nicht erlaubt, nur must' })
  level?: string;

  @IsOptional()
  @IsInt()
  @Max(10)
  limit?: number;

  @IsOptional()
  @IsString({ each: true })
  offices?: string[];

  @IsOptional()
  @MaxDate(new Date('2000-01-01'))
  day?: Date;

  @IsOptional()
  @ValidateNested()
  @Type(() => Inner)
  inner?: Inner;
}

const messagesOf = (value: object) => flattenValidationErrors(validateSync(Object.assign(new Sample(), value), OPTIONS));

describe('German validation messages', () => {
  it('keeps a German message that quotes English enum values', () => {
    expect(messagesOf({ obligation: 'x' })).toEqual([{ field: 'obligation', message: 'muss must, should, aim oder observe sein' }]);
    expect(messagesOf({ level: 'x' })).toEqual([{ field: 'level', message: 'should ist hier nicht erlaubt, nur must' }]);
  });

  it.each([
    ['an integer', { limit: 'x' }, { field: 'limit', message: 'muss eine ganze Zahl sein' }],
    ['a maximum', { limit: 11 }, { field: 'limit', message: 'ist zu groß' }],
    ['each value of a list', { offices: ['a', 1] }, { field: 'offices', message: 'muss ein Text sein' }],
    ['a latest date', { day: new Date('2001-01-01') }, { field: 'day', message: 'ist ungültig' }],
    ['an unknown field', { extra: 1 }, { field: 'extra', message: 'ist kein zulässiges Feld' }],
    ['a nested field', { inner: Object.assign(new Inner(), { count: 'x' }) }, { field: 'inner.count', message: 'muss eine ganze Zahl sein' }],
  ])('replaces the English default message of %s', (_label, value, expected) => {
    const details = messagesOf(value);
    expect(details).toContainEqual(expected);
    expect(details.map((d) => d.message).join(' ')).not.toMatch(/\b(must|should|property|allowed)\b/);
  });

  it('replaces the message for a value without any rules', () => {
    const details = flattenValidationErrors(validateSync({}, OPTIONS));
    expect(details.map((d) => d.message)).toEqual(['ist ungültig']);
  });

  it("says in German that a body must be a JSON object (Nest's message for a list or a plain value)", () => {
    const details = flattenValidationErrors([{ property: 'body', constraints: { isObject: 'Validation failed (object is expected)' }, children: [] }]);
    expect(details).toEqual([{ field: '', message: NOT_AN_OBJECT_MESSAGE }]);
    expect(NOT_AN_OBJECT_MESSAGE).toBe('Der Inhalt der Anfrage muss ein JSON-Objekt sein.');
  });
});
