import { Client } from 'pg';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Peak memory of this process, sampled on a timer (a busy event loop delays samples, never skips the peak of RSS: see maxRSS). */
export class MemorySampler {
  private timer?: NodeJS.Timeout;
  samples = 0;
  peakRss = 0;
  peakHeapUsed = 0;
  peakHeapTotal = 0;
  peakExternal = 0;
  /** Longest time between two samples (the 100 ms timer's view of a blocked event loop). */
  maxGapMs = 0;
  private last = 0;
  /** The event loop's delay, sampled every 10 ms by Node (perf_hooks): how long a request could have waited. */
  private delay?: IntervalHistogram;
  readonly baseline = process.memoryUsage();

  constructor(private readonly everyMs = 100) {}

  start(): this {
    this.delay = monitorEventLoopDelay({ resolution: 10 });
    this.delay.enable();
    this.sample();
    this.timer = setInterval(() => this.sample(), this.everyMs);
    this.timer.unref();
    return this;
  }

  stop(): this {
    if (this.timer) clearInterval(this.timer);
    this.delay?.disable();
    this.sample();
    return this;
  }

  /** Longest and 99th-percentile event-loop delay while sampling, in ms (the issue's limit: ~50 ms). */
  eventLoopDelay(): { maxMs: number; p99Ms: number } {
    const h = this.delay;
    return h ? { maxMs: Math.round(h.max / 1e6), p99Ms: Math.round(h.percentile(99) / 1e6) } : { maxMs: 0, p99Ms: 0 };
  }

  private sample(): void {
    const m = process.memoryUsage();
    const now = performance.now();
    if (this.last) this.maxGapMs = Math.max(this.maxGapMs, now - this.last);
    this.last = now;
    this.samples++;
    this.peakRss = Math.max(this.peakRss, m.rss);
    this.peakHeapUsed = Math.max(this.peakHeapUsed, m.heapUsed);
    this.peakHeapTotal = Math.max(this.peakHeapTotal, m.heapTotal);
    this.peakExternal = Math.max(this.peakExternal, m.external + m.arrayBuffers);
  }
}

/** Marks a client of the bench's own instruments: its queries are not the application's. */
const UNTIMED = Symbol('untimed');

export interface QueryStat {
  label: string;
  count: number;
  ms: number;
  rows: number;
}

/**
 * Times every query sent through the pg driver (all of TypeORM goes through Client#query) while
 * enabled: the time from sending a query to having its parsed result, grouped by statement kind
 * and table. Summed times exceed wall time if the audit ever runs queries concurrently.
 */
export class QueryTimer {
  enabled = false;
  private readonly stats = new Map<string, QueryStat>();
  private original?: typeof Client.prototype.query;

  install(): this {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const timer = this;
    const original = (this.original = Client.prototype.query);
    const patched = function (this: Client, ...args: unknown[]) {
      const [config, , callback] = args;
      const text = typeof config === 'string' ? config : (config as { text?: unknown } | undefined)?.text;
      const res = (original as (...a: unknown[]) => unknown).apply(this, args);
      if (!timer.enabled || (this as Client & { [UNTIMED]?: boolean })[UNTIMED] || typeof text !== 'string' || typeof callback === 'function' || !(res instanceof Promise)) return res;
      const t0 = performance.now();
      return res.then((r: { rowCount?: number | null; rows?: unknown[] }) => {
        timer.add(text, performance.now() - t0, Math.max(r?.rows?.length ?? 0, r?.rowCount ?? 0));
        return r;
      });
    };
    Client.prototype.query = patched as typeof Client.prototype.query;
    return this;
  }

  uninstall(): void {
    if (this.original) Client.prototype.query = this.original;
  }

  private add(sql: string, ms: number, rows: number): void {
    const label = labelOf(sql);
    const s = this.stats.get(label) ?? { label, count: 0, ms: 0, rows: 0 };
    s.count++;
    s.ms += ms;
    s.rows += rows;
    this.stats.set(label, s);
  }

  totals(): { count: number; ms: number } {
    let count = 0;
    let ms = 0;
    for (const s of this.stats.values()) {
      count += s.count;
      ms += s.ms;
    }
    return { count, ms };
  }

  byLabel(): QueryStat[] {
    return [...this.stats.values()].sort((a, b) => b.ms - a.ms);
  }
}

/** 'SELECT staff_time_record', 'INSERT audit_finding', … */
function labelOf(sql: string): string {
  const s = sql.replace(/\s+/g, ' ').trim();
  const verb = (/^(\w+)/.exec(s)?.[1] ?? '?').toUpperCase();
  const table =
    /^INSERT INTO "?(\w+)/i.exec(s)?.[1] ??
    /^UPDATE "?(\w+)/i.exec(s)?.[1] ??
    /^DELETE FROM "?(\w+)/i.exec(s)?.[1] ??
    /\bFROM "?(\w+)"?/i.exec(s)?.[1] ??
    '';
  return table ? `${verb} ${table}` : verb;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on every common Linux build). */
const USER_HZ = 100;

/** CPU seconds (user + system) a process has used so far, from /proc; undefined when not readable. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    return undefined;
  }
}

/**
 * CPU time the PostgreSQL server spends for one database: the backends connected to it are listed
 * every `everyMs` (pg_stat_activity) and their CPU read from /proc, so only a server on this machine
 * can be measured (`available` false otherwise). A backend that appears and ends between two samples
 * is missed; the pool keeps its connections for the audit's duration, so this is small.
 */
export class ServerCpuSampler {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private timer?: NodeJS.Timeout;
  private client?: Client;
  private ownPid = 0;
  available = true;

  constructor(
    private readonly url: string,
    private readonly everyMs = 250,
  ) {}

  async start(): Promise<this> {
    this.client = new Client({ connectionString: this.url });
    Object.assign(this.client, { [UNTIMED]: true });
    await this.client.connect();
    this.ownPid = (await this.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    await this.sample(true);
    this.timer = setInterval(() => void this.sample(false).catch(() => undefined), this.everyMs);
    return this;
  }

  /** Server CPU seconds since start, or undefined when the backends' /proc entries are not readable. */
  async stop(): Promise<number | undefined> {
    if (this.timer) clearInterval(this.timer);
    await this.sample(false).catch(() => undefined);
    await this.client?.end();
    if (!this.available) return undefined;
    let total = 0;
    for (const [pid, cpu] of this.last) total += cpu - (this.first.get(pid) ?? 0);
    return total;
  }

  private async sample(atStart: boolean): Promise<void> {
    const { rows } = await this.client!.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> $1', [this.ownPid]);
    for (const { pid } of rows) {
      const cpu = processCpuSeconds(pid);
      if (cpu === undefined) {
        this.available = false;
        continue;
      }
      if (atStart) this.first.set(pid, cpu);
      this.last.set(pid, cpu);
    }
  }
}

/**
 * A fixed piece of JavaScript work like the audit's own (small objects, strings, JSON, sorting), in
 * ms, best of `runs`. The same code measured 8.3 s of Node CPU one day and 13–17 s on another
 * machine of the same kind, while the server's floor barely moved: figures from different sessions
 * are only comparable next to this one.
 */
export function jsReferenceMs(runs = 5): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    let length = 0;
    for (let block = 0; block < 40; block++) {
      const rows: Array<{ id: string; day: number; minutes: number; tags: string[] }> = [];
      for (let i = 0; i < 5_000; i++) rows.push({ id: `office-${(i * 7919) % 997}`, day: i % 366, minutes: (i * 31) % 541, tags: [`t${i % 13}`, `u${i % 7}`] });
      rows.sort((a, b) => a.id.localeCompare(b.id) || a.day - b.day);
      length += JSON.stringify(rows).length;
    }
    best = Math.min(best, performance.now() - start);
    if (length === 0) throw new Error('unreachable'); // keeps the work observable
  }
  return Math.round(best);
}
