import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startService, type ServiceProcess } from '../../../bench/service-process';
import { projectRoot } from '../../../src/common/project-root';
import { serverUrlFor } from '../../support/test-database';

/**
 * Where a child service process keeps its data: a fresh embedded data folder, or a fresh database on
 * the server of TEST_DATABASE_URL. Several processes may be started on it one after the other
 * (a restart after kill -9 opens the same data).
 */
export interface ServiceTarget {
  embedded: boolean;
  start(env?: Record<string, string>): Promise<ServiceProcess>;
  /** Direct SQL on a server target (the embedded folder can only be opened by the service itself). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

export async function serviceTarget(): Promise<ServiceTarget> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const started: ServiceProcess[] = [];
  let token: string | undefined;
  const base = {
    async start(env: Record<string, string> = {}) {
      // One process per data at a time: whatever a failed test left running goes first.
      for (const s of started.splice(0)) await s.kill();
      // A token made by the CLI on the fresh data (which it migrates): no demo data to seed at each start.
      token ??= execFileSync(process.execPath, [join(projectRoot(), 'dist', 'src', 'cli', 'main.js'), 'token', 'create', '--role', 'coordination'], {
        env: { ...process.env, LOG_LEVEL: 'error', ...targetEnv },
        encoding: 'utf8',
        timeout: 120_000,
      }).trim();
      const service = await startService({ NIGHTLY_AUDIT: 'false', ...targetEnv, ...env }, { timeoutMs: 180_000, token });
      started.push(service);
      return service;
    },
  };
  let targetEnv: Record<string, string>;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'sm-fault-'));
    targetEnv = { DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
    return {
      ...base,
      embedded: true,
      query: () => Promise.reject(new Error('the embedded data folder belongs to the service process')),
      async drop() {
        for (const s of started) await s.kill();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `sm_f_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = serverUrlFor(serverUrl, name);
  targetEnv = { DATABASE_URL: url };
  return {
    ...base,
    embedded: false,
    async query<T>(sql: string, params: unknown[] = []) {
      const c = new Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query(sql, params)).rows as T[];
      } finally {
        await c.end();
      }
    },
    async drop() {
      for (const s of started) await s.kill();
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Answers are read loosely: the assertions check their shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A JSON request to a child service with its demo coordination token. */
export async function call(service: ServiceProcess, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${service.base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${service.token}`, ...(body !== undefined && typeof body !== 'string' ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* CSV or another text body */
  }
  return { status: res.status, body: parsed };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
