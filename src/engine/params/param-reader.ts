import type { ParamSpec } from '../types';
import { parseClock, parseWeekdays } from '../time';
import type { Weekday } from '../types';
import type { ParamSchema } from './param-schema';

/**
 * Typed access to a rule's parameters, defaults applied. The catalog parser has already checked
 * names and types, so a mismatch here is a programming error and throws.
 */
export class ParamReader {
  constructor(
    private readonly schema: ParamSchema,
    private readonly params: Readonly<Record<string, ParamSpec>>,
  ) {}

  has(name: string): boolean {
    return this.raw(name) !== undefined;
  }

  number(name: string): number {
    return this.typed(name, 'number') as number;
  }

  /** A 'HH:MM' parameter in minutes after midnight. */
  clock(name: string): number {
    const minutes = parseClock(this.typed(name, 'string') as string);
    if (minutes === null) throw new Error(`parameter ${name} is not a time`);
    return minutes;
  }

  /** A 'Mo-Sa' parameter as the days in week order. */
  weekdays(name: string): Weekday[] {
    const days = parseWeekdays(this.typed(name, 'string') as string);
    if (days === null) throw new Error(`parameter ${name} is not a list of weekdays`);
    return days;
  }

  boolean(name: string): boolean {
    return this.typed(name, 'boolean') as boolean;
  }

  string(name: string): string {
    return this.typed(name, 'string') as string;
  }

  /** Hours parameter in whole minutes (1.5 → 90), so comparisons stay in integers. */
  hoursAsMinutes(name: string): number {
    return Math.round(this.number(name) * 60);
  }

  private raw(name: string): ParamSpec['value'] | undefined {
    return this.params[name]?.value ?? this.schema[name]?.default;
  }

  private typed(name: string, type: 'number' | 'string' | 'boolean'): ParamSpec['value'] {
    const value = this.raw(name);
    if (typeof value !== type) throw new Error(`parameter ${name} is missing or not a ${type}`);
    return value as ParamSpec['value'];
  }
}
