import { runAtOnce, runInSlices, type Steps } from './time-slices';

function* busyRows(rows: number, msEach: number, seen: number[]): Steps<number> {
  for (let i = 0; i < rows; i++) {
    const until = performance.now() + msEach;
    while (performance.now() < until) {
      /* spin: stands for parsing and validating one row */
    }
    seen.push(i);
    yield;
  }
  return rows;
}

describe('work in time slices', () => {
  it('runs all steps and returns the result, at once or in slices', async () => {
    expect(runAtOnce(busyRows(5, 0, []))).toBe(5);
    expect(await runInSlices(busyRows(500, 0, []))).toBe(500);
  });

  it('lets a timer fire while a long piece of work runs, which running at once does not', async () => {
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 5);
    try {
      ticks.length = 0;
      runAtOnce(busyRows(400, 0.5, []));
      await new Promise((r) => setImmediate(r));
      const atOnce = ticks.length;
      ticks.length = 0;
      const started = performance.now();
      await runInSlices(busyRows(400, 0.5, []), 8);
      const elapsed = performance.now() - started;
      const gaps = ticks.map((t, i) => t - (i ? ticks[i - 1] : started));
      expect(atOnce).toBeLessThanOrEqual(1);
      expect(ticks.length).toBeGreaterThan(5);
      // the timer ran all along, not once at the end (relative: a loaded machine stretches everything)
      expect(Math.max(...gaps)).toBeLessThan(elapsed / 3);
    } finally {
      clearInterval(timer);
    }
  });

  it('passes an error thrown by a step on', async () => {
    function* failing(): Steps<number> {
      yield;
      throw new Error('Zeile 2 ist kaputt');
    }
    await expect(runInSlices(failing())).rejects.toThrow('Zeile 2 ist kaputt');
  });
});
