import { EventEmitter } from 'node:events';
import { drainedOrClosed } from './drained-or-closed';

describe('drainedOrClosed', () => {
  const listeners = (e: EventEmitter) => ({ drain: e.listenerCount('drain'), close: e.listenerCount('close'), error: e.listenerCount('error') });

  it('leaves no listener behind, however many drains a long export waits for', async () => {
    const res = new EventEmitter();
    for (let i = 0; i < 50; i++) {
      const waiting = drainedOrClosed(res);
      res.emit('drain');
      await waiting;
    }
    expect(listeners(res)).toEqual({ drain: 0, close: 0, error: 0 });
  });

  it('returns when the client goes away, also without listeners left', async () => {
    const res = new EventEmitter();
    const waiting = drainedOrClosed(res);
    res.emit('close');
    await expect(waiting).resolves.toBeUndefined();
    expect(listeners(res)).toEqual({ drain: 0, close: 0, error: 0 });
  });

  it('passes an error of the response on', async () => {
    const res = new EventEmitter();
    const waiting = drainedOrClosed(res);
    res.emit('error', new Error('kaputt'));
    await expect(waiting).rejects.toThrow('kaputt');
    expect(listeners(res)).toEqual({ drain: 0, close: 0, error: 0 });
  });
});
