import 'reflect-metadata';
import { IsInt, IsString, Min, getMetadataStorage, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  name!: string;
}

class Derived extends Base {
  @IsInt()
  count!: number;
}

const storage = getMetadataStorage();
const rulesOf = (target: object) => storage.getTargetValidationMetadatas(target as never, '', false, false).map((m) => `${m.propertyName}:${m.name ?? m.type}`);
const options = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };
const problems = (value: object) => validateSync(value, options).map((e) => e.property + ':' + Object.keys(e.constraints ?? {}).join(',')).sort();

describe('cacheValidationMetadata', () => {
  const before = rulesOf(Derived);

  it('installs once and answers the lookups as class-validator does, inherited rules included', () => {
    expect(cacheValidationMetadata()).toBe(true);
    expect(cacheValidationMetadata()).toBe(true);
    expect(rulesOf(Derived)).toEqual(before);
    expect(before).toEqual(expect.arrayContaining(['name:isString', 'count:isInt']));
    // The same list is handed out again: the lookup is what is saved.
    expect(storage.getTargetValidationMetadatas(Derived, '', false, false)).toBe(storage.getTargetValidationMetadatas(Derived, '', false, false));
  });

  it('still validates, whitelists and rejects unknown fields with cached rules', () => {
    cacheValidationMetadata();
    expect(problems(Object.assign(new Derived(), { name: 'a', count: 1 }))).toEqual([]);
    expect(problems(Object.assign(new Derived(), { name: 1, count: 'x' }))).toEqual(['count:isInt', 'name:isString']);
    expect(problems(Object.assign(new Derived(), { name: 'a', count: 1, extra: true }))).toEqual(['extra:whitelistValidation']);
  });

  it('forgets what it kept when a rule is declared later (a class defined after the first lookup)', () => {
    cacheValidationMetadata();
    expect(problems(Object.assign(new Derived(), { name: 'a', count: -1 }))).toEqual([]);
    // A decorator applied now, as a module loaded late would: the next validation must see it.
    Min(0)(Derived.prototype, 'count');
    expect(rulesOf(Derived)).toContain('count:min');
    expect(problems(Object.assign(new Derived(), { name: 'a', count: -1 }))).toEqual(['count:min']);
  });
});
