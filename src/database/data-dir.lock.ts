import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite does not lock its data folder: two processes on one folder lose committed rows
 * (see STACK-NOTES). This lock file makes "one process per folder" explicit. The holder records
 * its pid and, once it serves HTTP, its port and a secret, so that the CLI can hand its command to
 * the running service instead of opening the folder a second time.
 */
export interface DataDirLockInfo {
  pid: number;
  kind: 'service' | 'cli' | 'test';
  startedAt: string;
  httpPort?: number;
  /** Shared with local processes that can read the data folder; authorises /internal/cli. */
  cliSecret?: string;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: DataDirLockInfo,
  ) {
    super(
      `Der Datenordner ${dataDir} wird bereits von Prozess ${holder.pid} (${holder.kind === 'service' ? 'Dienst' : holder.kind}) verwendet.`,
    );
  }
}

export const LOCK_FILE_NAME = '.standards-monitor.lock';

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
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
  return info && isAlive(info.pid) ? info : undefined;
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
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, LOCK_FILE_NAME);
    const info: DataDirLockInfo = { pid: process.pid, kind, startedAt: new Date().toISOString() };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        // 'wx' fails if the file exists: creation is the atomic test-and-set.
        const fd = openSync(path, 'wx', 0o600);
        writeSync(fd, JSON.stringify(info));
        closeSync(fd);
        return new DataDirLock(dataDir, info);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const holder = readLock(dataDir);
        if (holder && isAlive(holder.pid)) throw new DataDirBusyError(dataDir, holder);
        // A holder that died (SIGKILL, power loss) leaves a stale file: take it over.
        rmSync(path, { force: true });
      }
    }
    throw new DataDirBusyError(dataDir, readLock(dataDir) ?? info);
  }

  /** Publishes where the running service listens, so the CLI can forward commands to it. */
  announceHttp(port: number): string {
    const secret = randomBytes(32).toString('base64url');
    this.info = { ...this.info, httpPort: port, cliSecret: secret };
    writeFileSync(this.path, JSON.stringify(this.info), { mode: 0o600 });
    return secret;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    const current = readLock(this.dataDir);
    if (current?.pid === process.pid) rmSync(this.path, { force: true });
  }
}
