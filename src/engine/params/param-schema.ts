import { parseClock, parseWeekdays } from '../time';

/** `weekdays`: a German list of days as text, e.g. 'Mo-Sa' or 'Mo, Mi, Fr'. */
export type ParamType = 'number' | 'time' | 'boolean' | 'string' | 'weekdays';

export interface ParamDefinition {
  type: ParamType;
  required: boolean;
  /** Used when an optional parameter is absent. */
  default?: number | string | boolean;
  /** Lower bound for numbers (inclusive). */
  min?: number;
  /** Upper bound for numbers (inclusive). */
  max?: number;
  integer?: boolean;
}

export type ParamSchema = Readonly<Record<string, ParamDefinition>>;

/** Why a value does not fit its definition, in English for operators reading catalog errors. */
export function paramValueProblem(definition: ParamDefinition, value: unknown): string | null {
  switch (definition.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'expected a number';
      if (definition.integer && !Number.isInteger(value)) return 'expected a whole number';
      if (definition.min !== undefined && value < definition.min) return `expected at least ${definition.min}`;
      if (definition.max !== undefined && value > definition.max) return `expected at most ${definition.max}`;
      return null;
    case 'time':
      return typeof value === 'string' && parseClock(value) !== null
        ? null
        : "expected a time 'HH:MM' between 00:00 and 24:00";
    case 'boolean':
      return typeof value === 'boolean' ? null : 'expected true or false';
    case 'string':
      return typeof value === 'string' && value.trim() !== '' ? null : 'expected a non-empty string';
    case 'weekdays':
      return typeof value === 'string' && parseWeekdays(value) !== null ? null : "expected German weekdays such as 'Mo-Fr' or 'Mo, Mi, Fr'";
    default:
      return 'unknown parameter type';
  }
}

/** The same problem worded for a clerk (deviation requests). */
export function paramValueProblemDe(definition: ParamDefinition, value: unknown): string | null {
  const problem = paramValueProblem(definition, value);
  if (problem === null) return null;
  switch (definition.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'erwartet wird eine Zahl';
      if (definition.integer && !Number.isInteger(value)) return 'erwartet wird eine ganze Zahl';
      if (definition.min !== undefined && value < definition.min) return `erwartet wird mindestens ${definition.min}`;
      return `erwartet wird höchstens ${definition.max}`;
    case 'time':
      return "erwartet wird eine Uhrzeit 'HH:MM' zwischen 00:00 und 24:00";
    case 'boolean':
      return 'erwartet wird true oder false';
    case 'string':
      return 'erwartet wird ein nicht leerer Text';
    case 'weekdays':
      return "erwartet werden Wochentage wie 'Mo-Fr' oder 'Mo, Mi, Fr'";
  }
}
