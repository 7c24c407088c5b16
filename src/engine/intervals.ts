import type { Interval } from './types';

/** Sorted union of possibly overlapping or touching intervals, clipped to 0..1440. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .map((i) => ({ from: Math.max(0, i.from), to: Math.min(1440, i.to) }))
    .filter((i) => i.from < i.to)
    .sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const current of sorted) {
    const last = merged[merged.length - 1];
    if (last && current.from <= last.to) last.to = Math.max(last.to, current.to);
    else merged.push({ ...current });
  }
  return merged;
}

export function totalMinutes(intervals: readonly Interval[]): number {
  return union(intervals).reduce((sum, i) => sum + (i.to - i.from), 0);
}

/** The parts of the intervals that lie inside the window. */
export function clip(intervals: readonly Interval[], window: Interval): Interval[] {
  return union(intervals)
    .map((i) => ({ from: Math.max(i.from, window.from), to: Math.min(i.to, window.to) }))
    .filter((i) => i.from < i.to);
}

/** The parts of the window not covered by any of the intervals (the gaps). */
export function gaps(window: Interval, intervals: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let cursor = window.from;
  for (const covered of clip(intervals, window)) {
    if (covered.from > cursor) result.push({ from: cursor, to: covered.from });
    cursor = Math.max(cursor, covered.to);
  }
  if (cursor < window.to) result.push({ from: cursor, to: window.to });
  return result;
}

/** The parts covered by both lists of intervals. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  return union(b).flatMap((window) => clip(a, window));
}

/** The parts of `a` not covered by `b`. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  return union(a).flatMap((window) => gaps(window, b));
}
