import { Transform } from 'class-transformer';

/**
 * Offices fill the evidence in German spreadsheets: Excel turns 2026-03-02 into 02.03.2026 when it
 * saves a CSV, and clerks write "Personal" rather than "staff". These transforms run before
 * validation (class-transformer) for JSON and CSV alike; a value they cannot read is left as sent,
 * so that the field's validator names it.
 */

const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const GERMAN_DATE_TIME = /^(\d{1,2})\.(\d{1,2})\.(\d{4})[ T]+(\d{1,2})[:.](\d{2})(?::(\d{2}))?$/;

const two = (n: string) => n.padStart(2, '0');

/** '2.3.2026' / '02.03.2026' → '2026-03-02'; anything else unchanged. */
export function germanDateToIso(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = GERMAN_DATE.exec(value.trim());
  return m ? `${m[3]}-${two(m[2])}-${two(m[1])}` : value;
}

/** '02.03.2026 08:00' / '2.3.2026 8.00' → '2026-03-02T08:00' (Berlin wall clock); anything else unchanged. */
export function germanDateTimeToIso(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = GERMAN_DATE_TIME.exec(value.trim());
  return m ? `${m[3]}-${two(m[2])}-${two(m[1])}T${two(m[4])}:${m[5]}${m[6] ? `:${m[6]}` : ''}` : value;
}

export const GermanDate = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => germanDateToIso(value));
export const GermanDateTime = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => germanDateTimeToIso(value));

/** Spellings people use for a value; matched without regard to case, spaces and hyphens. */
export type ValueAliases<V extends string> = Readonly<Record<V, readonly string[]>>;

const loose = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, '');

/** The API value a German (or other listed) spelling stands for; unknown text unchanged. */
export function fromAlias<V extends string>(aliases: ValueAliases<V>, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const wanted = loose(value);
  for (const [code, names] of Object.entries(aliases) as Array<[V, readonly string[]]>) {
    if (loose(code) === wanted || names.some((n) => loose(n) === wanted)) return code;
  }
  return value;
}

export const AliasedValue = <V extends string>(aliases: ValueAliases<V>): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => fromAlias(aliases, value));

/**
 * "muss einer dieser Werte sein: Personal, Call Center": the German words only, because the pages
 * show this message to clerks; the codes (staff, call_centre) stay accepted and documented.
 */
export function allowedValuesMessage<V extends string>(aliases: ValueAliases<V>): string {
  const codes = Object.keys(aliases) as V[];
  return `muss einer dieser Werte sein: ${codes.map((c) => aliases[c][0]).join(', ')}`;
}

/** { staff: 'Personal', call_centre: 'Call Center' }: the German word of each code. */
export function germanWords<V extends string>(aliases: ValueAliases<V>): Record<V, string> {
  return Object.fromEntries((Object.keys(aliases) as V[]).map((code) => [code, aliases[code][0]])) as Record<V, string>;
}
