import { CODE_BITS, generateCode, hashCode, normaliseCode } from './participation-code';

describe('participation codes', () => {
  it('carry at least 60 random bits and are printed in three groups', () => {
    expect(CODE_BITS).toBeGreaterThanOrEqual(60);
    const code = generateCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const many = new Set(Array.from({ length: 2000 }, generateCode));
    expect(many.size).toBe(2000);
  });

  it('read a code typed by hand: lower case, spaces, look-alike letters', () => {
    expect(normaliseCode('abcd efgh-jkmn0')).toBe('ABCDEFGHJKMN0');
    expect(normaliseCode('ABCD-EFGH-JKMNO')).toBe('ABCDEFGHJKMN0');
    expect(normaliseCode('1IL1-0000-00000')).toBe('1111000000000');
    expect(hashCode(normaliseCode('abcd-efgh-jkmno')!)).toBe(hashCode('ABCDEFGHJKMN0'));
  });

  it('refuse what cannot be a code', () => {
    expect(normaliseCode('ABCD-EFGH-JKMN')).toBeUndefined();
    expect(normaliseCode('ABCD-EFGH-JKMNUU')).toBeUndefined();
    expect(normaliseCode('ABCD-EFGH-JKMN!')).toBeUndefined();
  });
});
