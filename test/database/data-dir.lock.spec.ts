import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirBusyError, DataDirLock, LOCK_FILE_NAME, liveHolder, readLock } from '../../src/database/data-dir.lock';

/** PGlite must never be opened by two processes: the lock file is the only thing that prevents it. */
describe('data folder lock', () => {
  let dir: string;
  const lockPath = () => join(dir, LOCK_FILE_NAME);
  const deadPid = 2 ** 22 + 12345; // above Linux's pid_max: never a live process

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sm-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is held by one holder at a time and freed on release', () => {
    const lock = DataDirLock.acquire(dir, 'service');
    expect(() => DataDirLock.acquire(dir, 'cli')).toThrow(DataDirBusyError);
    expect(liveHolder(dir)).toMatchObject({ pid: process.pid, kind: 'service' });
    lock.release();
    expect(existsSync(lockPath())).toBe(false);
    DataDirLock.acquire(dir, 'cli').release();
  });

  it('takes over a lock left by a process that died', () => {
    writeFileSync(lockPath(), JSON.stringify({ pid: deadPid, kind: 'service', startedAt: '2026-01-01T00:00:00Z', token: 'old' }));
    expect(liveHolder(dir)).toBeUndefined();
    const lock = DataDirLock.acquire(dir, 'service');
    expect(readLock(dir)).toMatchObject({ pid: process.pid, kind: 'service' });
    lock.release();
  });

  it('takes over a lock that names its own pid from an earlier life (a container restarting as the same pid)', () => {
    writeFileSync(lockPath(), JSON.stringify({ pid: process.pid, kind: 'service', startedAt: '2026-01-01T00:00:00Z', token: 'earlier-process' }));
    const lock = DataDirLock.acquire(dir, 'service');
    expect(readLock(dir)?.token).not.toBe('earlier-process');
    lock.release();
  });

  it('treats a lock it cannot read as busy while it is fresh, and as abandoned when old', () => {
    writeFileSync(lockPath(), '');
    expect(() => DataDirLock.acquire(dir, 'cli')).toThrow(DataDirBusyError);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath(), old, old);
    DataDirLock.acquire(dir, 'cli').release();
  });

  it('publishes the service port and secret without ever leaving a partial file', () => {
    const lock = DataDirLock.acquire(dir, 'service');
    const secret = lock.announceHttp(4321);
    expect(JSON.parse(readFileSync(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid, httpPort: 4321, cliSecret: secret });
    expect(readFileSync(lockPath(), 'utf8')).not.toBe('');
    lock.release();
  });

  it('lets only one of many concurrent takeovers of a stale lock win', () => {
    writeFileSync(lockPath(), JSON.stringify({ pid: deadPid, kind: 'cli', startedAt: '2026-01-01T00:00:00Z', token: 'x' }));
    const first = DataDirLock.acquire(dir, 'service');
    expect(() => DataDirLock.acquire(dir, 'service')).toThrow(DataDirBusyError);
    first.release();
  });
});
