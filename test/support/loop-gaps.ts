/**
 * Watches this thread's event loop: a timer every `everyMs`, and the longest time between two of
 * its ticks (how long the loop was held up at most). `stop()` ends it and returns that gap in ms.
 */
export function watchLoopGaps(everyMs: number): { stop(): number } {
  let last = performance.now();
  let longestGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, everyMs);
  return {
    stop() {
      clearInterval(ticker);
      return longestGap;
    },
  };
}
