import { Client } from 'pg';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../src/common/project-root';

/**
 * The compiled service as a child process, started as an operator starts it (`npm start` runs
 * scripts/start-service.js: the bundle with its compile cache, see README): for
 * measurements that must not share an event loop with the client (bench) and for fault tests
 * that kill it with SIGKILL (test/faults). Build first (`npm run build`).
 */
export interface ServiceProcess {
  /** http://127.0.0.1:PORT */
  base: string;
  /** The demo coordination token printed at start (DEMO_DATA=true), or the one given. */
  token: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, and waits for the process to end (SIGKILL after the timeout). */
  stop(timeoutMs?: number): Promise<void>;
  /** SIGKILL: no shutdown hook runs, as after a crash or the OOM killer. */
  kill(): Promise<void>;
}

export const SERVICE_ENTRY = join(projectRoot(), 'scripts', 'start-service.js');

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));

/**
 * Starts the service. Without `token` it runs in demo mode and its printed demo token is used;
 * with one (created beforehand, e.g. by `cli token create`) it starts without demo data, faster.
 */
export async function startService(env: Record<string, string | undefined>, options: { timeoutMs?: number; entry?: string; token?: string } = {}): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [options.entry ?? SERVICE_ENTRY], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', DEMO_DATA: options.token ? 'false' : 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const timeoutMs = options.timeoutMs ?? 60_000;
  const started = await new Promise<{ base: string; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      const base = out.match(/läuft: (http:\/\/localhost:\d+)/)?.[1];
      const token = options.token ?? out.match(/Demo-Token[^:]*: (smt_[A-Za-z0-9_-]+)/)?.[1];
      if (base && token) {
        clearTimeout(timer);
        resolve({ base: base.replace('localhost', '127.0.0.1'), token });
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`service ended at start (code ${code}, signal ${signal}):\n${out}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    ...started,
    child,
    output: () => out,
    async stop(stopTimeoutMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      await exited(child);
      clearTimeout(timer);
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited(child);
    },
  };
}

/** Drops and creates a bench database (only names containing "bench"), for a clean service start. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/bench/i.test(name)) throw new Error(`refusing to drop database "${name}": its name must contain "bench"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
