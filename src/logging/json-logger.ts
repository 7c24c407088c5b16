import { LoggerService } from '@nestjs/common';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/**
 * Structured logs: one JSON object per line on stderr (stdout stays free for CLI output such as a
 * printed token). Never log tokens or staff references.
 */
export class JsonLogger implements LoggerService {
  private readonly min: number;

  constructor(level: Level = 'info', private readonly sink: (line: string) => void = (l) => process.stderr.write(l + '\n')) {
    this.min = LEVELS.indexOf(level);
  }

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }

  private write(level: Level, message: unknown, context?: string, trace?: string): void {
    if (LEVELS.indexOf(level) < this.min) return;
    const fields = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : { msg: String(message) };
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, context, ...fields };
    if (trace && typeof trace === 'string' && trace.includes('\n')) entry.trace = trace;
    else if (trace && !context) entry.context = trace; // Nest passes the context as 2nd argument of error()
    this.sink(JSON.stringify(entry));
  }
}
