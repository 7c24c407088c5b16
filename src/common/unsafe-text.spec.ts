import { unsafeText, unsafeTextIn } from './unsafe-text';

describe('texts that cannot be stored', () => {
  it.each([
    ['a NUL character', 'bad\u0000nul', /NUL/],
    ['a lone high surrogate', 'a\ud800b', /unvollständiges Unicode-Zeichen/],
    ['a lone low surrogate', 'a\udc00', /unvollständiges Unicode-Zeichen/],
    ['a high surrogate at the end', 'Schließung\ud83d', /unvollständiges Unicode-Zeichen/],
  ])('refuses %s', (_label, text, message) => {
    expect(unsafeText(text)).toMatch(message);
  });

  it.each(['Schließung', 'Grüße 😀', '', 'Zeile\nzwei\ttab'])('accepts %j', (text) => {
    expect(unsafeText(text)).toBeUndefined();
  });

  it('names every such text in a value by its path, keys included', () => {
    const value = { note: 'a\ud800b', rows: [{ reason: 'ok' }, { reason: 'x\u0000' }], ['bad\u0000key']: 'fine', count: 3 };
    expect(unsafeTextIn(value).map((d) => d.field)).toEqual(['note', 'rows[1].reason', 'bad\u0000key']);
    expect(unsafeTextIn(value)[2].message).toBe('enthält ein unzulässiges Steuerzeichen (NUL) im Feldnamen');
    expect(unsafeTextIn('x\u0000', 'id')).toEqual([{ field: 'id', message: 'enthält ein unzulässiges Steuerzeichen (NUL)' }]);
    expect(unsafeTextIn({ name: 'Witten', list: ['a', 'b'] })).toEqual([]);
  });
});
