import { once, type EventEmitter } from 'node:events';

/**
 * Waits until a writable stream (a response, a COPY) drains or closes; an 'error' is thrown. Removes
 * the listener of the event that did not come: a plain race of two once() left a 'close' (and an
 * 'error') listener behind at every drain, thousands in a large export (MaxListenersExceededWarning).
 */
export async function drainedOrClosed(res: EventEmitter): Promise<void> {
  const done = new AbortController();
  const wait = (event: 'drain' | 'close') =>
    once(res, event, { signal: done.signal }).then(
      () => undefined,
      (err: unknown) => {
        if ((err as Error).name !== 'AbortError') throw err;
      },
    );
  try {
    await Promise.race([wait('drain'), wait('close')]);
  } finally {
    done.abort();
  }
}
