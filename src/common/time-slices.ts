/**
 * Long CPU work on the request loop, cut into slices (issue 10, item 3). Node serves every request
 * on one thread: parsing and validating a 2 MB import in one go blocked /health for ~10 s. Work
 * written as a generator that `yield`s after each unit (a CSV record, a row) can instead run in
 * slices of a few milliseconds, handing the event loop back to other requests in between.
 *
 * The same generator also runs at once (`runAtOnce`), for small inputs and unit tests, so both
 * paths share one implementation.
 */
export type Steps<T> = Generator<void, T, void>;

/** Long enough that the pauses cost little, short enough that other requests barely notice. */
export const SLICE_MS = 4;

/** How many steps run between two looks at the clock (reading it costs more than a step). */
const STEPS_PER_CHECK = 32;

export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the steps, yielding to the event loop (I/O included) whenever a slice has run `sliceMs`. */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (let n = 1; ; n++) {
    const step = steps.next();
    if (step.done) return step.value;
    if (n % STEPS_PER_CHECK === 0 && performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}

/**
 * The same for loops that are not generators: `await slices.pause()` after each unit of work hands
 * the event loop back once the current slice has run `sliceMs` (an audit judging office after
 * office, say), and costs next to nothing otherwise.
 */
export class Slices {
  private sliceStart = performance.now();

  constructor(private readonly sliceMs = SLICE_MS) {}

  async pause(): Promise<void> {
    if (performance.now() - this.sliceStart < this.sliceMs) return;
    await nextTurn();
    this.sliceStart = performance.now();
  }
}
