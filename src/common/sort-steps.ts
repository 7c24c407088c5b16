import type { Steps } from './time-slices';

/** Runs short enough to sort between two looks at the clock. */
const RUN = 512;

/**
 * A stable merge sort as steps (see time-slices.ts): sorting 50 000 imported rows at once blocked
 * the event loop for a few hundred milliseconds on a busy machine. Sorts runs of RUN items, then
 * merges them pairwise, yielding after each run and every RUN merged items. Returns a new array.
 */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Steps<T[]> {
  let current = items.slice();
  for (let start = 0; start < current.length; start += RUN) {
    const run = current.slice(start, start + RUN).sort(compare);
    for (let k = 0; k < run.length; k++) current[start + k] = run[k];
    yield;
  }
  for (let width = RUN; width < current.length; width *= 2) {
    const next = new Array<T>(current.length);
    for (let left = 0; left < current.length; left += 2 * width) {
      const mid = Math.min(left + width, current.length);
      const end = Math.min(left + 2 * width, current.length);
      let i = left;
      let j = mid;
      let out = left;
      while (out < end) {
        // taking from the left on ties keeps the sort stable
        next[out++] = j >= end || (i < mid && compare(current[i], current[j]) <= 0) ? current[i++] : current[j++];
        if (out % RUN === 0) yield;
      }
    }
    current = next;
    yield;
  }
  return current;
}
