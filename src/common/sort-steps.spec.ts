import { sortSteps } from './sort-steps';
import { runAtOnce, runInSlices } from './time-slices';

describe('sorting in steps', () => {
  const numbers = (n: number) => Array.from({ length: n }, (_, i) => (i * 7919) % 1000);

  it.each([0, 1, 511, 512, 513, 1500, 5000])('sorts %i items like Array.prototype.sort', async (n) => {
    const input = numbers(n);
    const expected = [...input].sort((a, b) => a - b);
    expect(runAtOnce(sortSteps(input, (a, b) => a - b))).toEqual(expected);
    expect(await runInSlices(sortSteps(input, (a, b) => a - b))).toEqual(expected);
  });

  it('is stable and leaves its input alone', () => {
    const input = numbers(3000).map((key, position) => ({ key: key % 10, position }));
    const copy = input.map((x) => ({ ...x }));
    const sorted = runAtOnce(sortSteps(input, (a, b) => a.key - b.key));
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1], sorted[i]];
      expect(a.key < b.key || (a.key === b.key && a.position < b.position)).toBe(true);
    }
    expect(input).toEqual(copy);
  });
});
