import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite does not lock its data folder: two processes on one folder lose committed rows
 * (see STACK-NOTES). This lock file makes "one process per folder" explicit. The holder records
 * its pid and, once it serves HTTP, its port and a secret, so that the CLI can hand its command to
 * the running service instead of opening the folder a second time.
 *
 * Every write is atomic: the content is written to a private temporary file first and then linked
 * (acquire: fails if the lock exists) or renamed (update) into place, so a reader never sees a
 * half-written lock.
 */
export interface DataDirLockInfo {
  pid: number;
  kind: 'service' | 'cli' | 'test';
  startedAt: string;
  /** Distinguishes a reused pid (a container restarting as pid 1) from the process that wrote the lock. */
  token: string;
  httpPort?: number;
  /** Shared with local processes that can read the data folder; authorises /internal/cli. */
  cliSecret?: string;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: DataDirLockInfo | undefined,
  ) {
    super(
      holder
        ? `Der Datenordner ${dataDir} wird bereits von Prozess ${holder.pid} (${holder.kind === 'service' ? 'Dienst' : holder.kind}) verwendet.`
        : `Der Datenordner ${dataDir} wird gerade von einem anderen Prozess belegt.`,
    );
  }
}

export const LOCK_FILE_NAME = '.standards-monitor.lock';

/** A lock file that cannot be read yet may be in the moment of its creation; only an old one is abandoned. */
const UNREADABLE_GRACE_MS = 5_000;

/** The token of this process: a lock with our pid but another token was left by an earlier process. */
const PROCESS_TOKEN = randomBytes(12).toString('hex');

function isAlive(info: DataDirLockInfo): boolean {
  if (info.pid === process.pid) return info.token === PROCESS_TOKEN;
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(dataDir: string): DataDirLockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8')) as DataDirLockInfo;
    return typeof info.pid === 'number' ? info : undefined;
  } catch {
    return undefined;
  }
}

/** The live holder of the folder, or undefined when it is free (a stale lock counts as free). */
export function liveHolder(dataDir: string): DataDirLockInfo | undefined {
  const info = readLock(dataDir);
  return info && isAlive(info) ? info : undefined;
}

function writeAtomically(dataDir: string, info: DataDirLockInfo, place: (tmp: string) => void): void {
  const tmp = join(dataDir, `${LOCK_FILE_NAME}.${process.pid}.${randomBytes(4).toString('hex')}`);
  writeFileSync(tmp, JSON.stringify(info), { mode: 0o600 });
  try {
    place(tmp);
  } finally {
    rmSync(tmp, { force: true });
  }
}

export class DataDirLock {
  private released = false;

  private constructor(
    readonly dataDir: string,
    private info: DataDirLockInfo,
  ) {}

  get path(): string {
    return join(this.dataDir, LOCK_FILE_NAME);
  }

  get secret(): string | undefined {
    return this.info.cliSecret;
  }

  static acquire(dataDir: string, kind: DataDirLockInfo['kind']): DataDirLock {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const path = join(dataDir, LOCK_FILE_NAME);
    const info: DataDirLockInfo = { pid: process.pid, kind, startedAt: new Date().toISOString(), token: PROCESS_TOKEN };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        // link() fails if the lock exists: creation with complete content is the atomic test-and-set.
        writeAtomically(dataDir, info, (tmp) => linkSync(tmp, path));
        return new DataDirLock(dataDir, info);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const holder = readLock(dataDir);
        if (holder && isAlive(holder)) throw new DataDirBusyError(dataDir, holder);
        if (!holder && !isOld(path)) throw new DataDirBusyError(dataDir, undefined);
        DataDirLock.removeStale(dataDir, path, holder);
      }
    }
    throw new DataDirBusyError(dataDir, readLock(dataDir));
  }

  /**
   * A holder that died (SIGKILL, power loss) leaves a stale lock. It is moved aside under a unique
   * name first and removed only if it is still the stale one: two processes taking over at once
   * cannot delete each other's fresh lock.
   */
  private static removeStale(dataDir: string, path: string, seen: DataDirLockInfo | undefined): void {
    const aside = join(dataDir, `${LOCK_FILE_NAME}.stale.${process.pid}.${randomBytes(4).toString('hex')}`);
    try {
      renameSync(path, aside);
    } catch {
      return; // someone else moved it already; try again
    }
    let moved: DataDirLockInfo | undefined;
    try {
      moved = JSON.parse(readFileSync(aside, 'utf8')) as DataDirLockInfo;
    } catch {
      moved = undefined;
    }
    const sameStale = moved?.token === seen?.token && moved?.pid === seen?.pid;
    if (!sameStale && moved && isAlive(moved)) {
      // We moved a fresh lock of a live process: put it back where it belongs.
      try {
        linkSync(aside, path);
      } catch {
        /* the folder is contested; the caller will see EEXIST or busy on its next attempt */
      }
    }
    rmSync(aside, { force: true });
  }

  /** Publishes where the running service listens, so the CLI can forward commands to it. */
  announceHttp(port: number): string {
    const secret = randomBytes(32).toString('base64url');
    this.info = { ...this.info, httpPort: port, cliSecret: secret };
    writeAtomically(this.dataDir, this.info, (tmp) => renameSync(tmp, this.path));
    return secret;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    const current = readLock(this.dataDir);
    if (current?.pid === process.pid && current.token === PROCESS_TOKEN) rmSync(this.path, { force: true });
  }
}

function isOld(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > UNREADABLE_GRACE_MS;
  } catch {
    return true;
  }
}
