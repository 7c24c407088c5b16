import { jsonDepth, MAX_JSON_DEPTH, refuseDeepJson } from './json-depth';

const depthOf = (text: string) => jsonDepth(Buffer.from(text, 'utf8'));

describe('JSON nesting depth', () => {
  it.each([
    ['1', 0],
    ['[]', 1],
    ['[{"a": [1, 2]}, {}]', 3],
    ['{"week": {"mon": [{"from": "08:00", "to": "12:00"}]}}', 4],
  ])('measures %s as %i', (text, depth) => {
    expect(depthOf(text)).toBe(depth);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(depthOf('{"reason": "[[[{{{ \\" [[[ \\\\"}')).toBe(1);
    expect(depthOf('["Umzug ü [Teil 2]"]')).toBe(1);
  });

  it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more`, () => {
    const nested = (n: number) => Buffer.from('['.repeat(n) + ']'.repeat(n));
    expect(() => refuseDeepJson(undefined, undefined, nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => refuseDeepJson(undefined, undefined, nested(MAX_JSON_DEPTH + 1))).toThrow(expect.objectContaining({ type: 'entity.too.deep', status: 400 }));
  });
});
