import { Agent, request } from 'node:http';

/**
 * Requests sent at a fixed rate, evenly spaced (issue 14, item 4: "p99 < 10 ms at 500 req/s evenly
 * spaced"). autocannon cannot do this: its rate limiter lets each connection send its share of a
 * second back to back when the second begins (a burst of `rate` requests once a second), and it
 * then adds latencies for the requests a slow answer "held back" as if they had been due every
 * millisecond. Here request i is due at t0 + i/rate whether or not earlier answers came (open loop,
 * so a slow service cannot slow the sender down and hide its queue), each on a free keep-alive
 * connection, and its latency counts from when it was due to its last byte: a late timer in this
 * process counts against the service, never for it (`maxSendLagMs` shows how late the sender was).
 * A first second at the same rate, not counted, opens the connections (a new TCP connection per
 * request would otherwise be what the first requests measure) and warms the route.
 */
export interface PacedFigures {
  rate: number;
  sent: number;
  achievedRps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  /** The sender's own lateness: how long after its due time a request left at worst. */
  maxSendLagMs: number;
}

export async function pacedLoad(options: {
  url: string;
  rate: number;
  seconds: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Open connections at most (requests still waiting beyond this queue in the agent, and count). */
  maxSockets?: number;
  /** Sent first at the same rate and not counted (default 1). */
  warmUpSeconds?: number;
}): Promise<PacedFigures> {
  const { rate, seconds } = options;
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  const headers = { ...options.headers, ...(options.body ? { 'Content-Length': String(Buffer.byteLength(options.body)) } : {}) };
  const total = Math.round(rate * seconds);
  const warmUp = Math.round(rate * (options.warmUpSeconds ?? 1));
  const interval = 1000 / rate;
  // Request i < warmUp is not counted; the others at latencies[i - warmUp].
  const latencies = new Float64Array(total);
  let non2xx = 0;
  let errors = 0;
  let maxSendLag = 0;

  const send = (i: number, due: number) =>
    new Promise<void>((resolve) => {
      const req = request(
        { host: target.hostname, port: target.port, path: target.pathname + target.search, method: options.method ?? 'GET', headers, agent },
        (res) => {
          if (i >= 0 && (res.statusCode === undefined || res.statusCode < 200 || res.statusCode > 299)) non2xx++;
          res.resume();
          res.once('end', () => {
            if (i >= 0) latencies[i] = performance.now() - due;
            resolve();
          });
        },
      );
      req.once('error', () => {
        if (i >= 0) {
          errors++;
          latencies[i] = performance.now() - due;
        }
        resolve();
      });
      req.end(options.body);
    });

  try {
    const answered: Array<Promise<void>> = [];
    const start = performance.now() + 20;
    const t0 = start + warmUp * interval;
    for (let k = 0; k < warmUp + total; k++) {
      const due = start + k * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (k >= warmUp) maxSendLag = Math.max(maxSendLag, performance.now() - due);
      answered.push(send(k - warmUp, due));
    }
    await Promise.all(answered);
    const elapsed = (performance.now() - t0) / 1000;
    const sorted = Array.from(latencies).sort((a, b) => a - b);
    const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]);
    return { rate, sent: total, achievedRps: Math.round(total / elapsed), p50Ms: at(0.5), p99Ms: at(0.99), maxMs: round(sorted[sorted.length - 1]), non2xx, errors, maxSendLagMs: round(maxSendLag) };
  } finally {
    agent.destroy();
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;
