import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * The design of issue 11 as a test: outside the engine, only src/judging/ calls the engine's judging
 * functions and decides which schedule version is in force, so no second judging path can grow
 * back unnoticed.
 */
describe('one judging path', () => {
  const files = sourceFiles(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));
  const outside = (pattern: RegExp) =>
    files.filter((f) => !f.path.startsWith('engine/') && !f.path.startsWith('judging/') && pattern.test(f.text)).map((f) => f.path);

  it('only src/judging/ calls evaluate, evaluateDistrict and selectRules', () => {
    expect(outside(/\b(evaluate|evaluateDistrict|selectRules)\(/)).toEqual([]);
  });

  it('only src/judging/ defines which schedule version is in force', () => {
    expect(files.filter((f) => /function pickInForce\b/.test(f.text)).map((f) => f.path)).toEqual(['judging/schedule-in-force.ts']);
  });

  it('no service keeps its own list of check kinds to pick rules by', () => {
    expect(outside(/(MONTHLY_CHECKS|WEEKLY_CHECKS)|new Set<CheckKind>/)).toEqual([]);
  });
});
