import OpeningHours, { type optional_conf } from 'opening_hours';
import { union } from '../engine/intervals';
import { unreadableOpeningHours } from './opening-hours.messages';
import { formatClock, WEEKDAY_NAMES_DE } from '../engine/time';
import type { Interval, Weekday, WeekSchedule } from '../engine/types';
import { WEEKDAYS } from '../engine/types';

export type OpeningHoursResult = { ok: true; week: WeekSchedule } | { ok: false; error: string };

/** opening_hours weekday abbreviations, Monday first like WEEKDAYS. */
const OH_DAYS: Readonly<Record<Weekday, string>> = { mon: 'Mo', tue: 'Tu', wed: 'We', thu: 'Th', fri: 'Fr', sat: 'Sa', sun: 'Su' };

/**
 * opening_hours `mode` 0: time ranges only (no points in time such as "Mo 08:00"); its messages in
 * English, the texts opening-hours.messages.ts knows and replaces with German sentences of its own.
 */
const OPTIONS: optional_conf = { mode: 0, locale: 'en', tag_key: undefined, map_value: undefined, warnings_severity: undefined };

/**
 * Converts an OpenStreetMap opening_hours text into the weekly form the engine judges.
 *
 * The library evaluates in the process's local time zone. We therefore ask it about a reference
 * week built with local-time constructors (Monday 12 January 2026, 00:00 local, far from any
 * daylight-saving change in either hemisphere) and read the answer back with local getters only:
 * the wall-clock times are the same in every zone, so the result does not depend on process.env.TZ
 * (a spec runs it under several zones to prove it).
 *
 * Only what a regular week can express is accepted: selectors for dates, months, week numbers,
 * years or holidays (PH/SH), times after the sun, open ends, comments and "unknown" are rejected
 * with a German message, because a weekly schedule can't hold them (closures and holidays are
 * recorded separately).
 */
export function parseOpeningHours(text: string): OpeningHoursResult {
  const value = text.trim();
  if (value === '') return failure('Bitte Öffnungszeiten angeben, z. B. „Mo-Fr 08:00-12:30; Th 14:00-18:00“.');

  const unsupported = unsupportedSelector(value);
  if (unsupported) return failure(unsupported);

  let hours: OpeningHours;
  try {
    hours = new OpeningHours(value, null, OPTIONS);
  } catch (error) {
    return failure(unreadableOpeningHours(error));
  }
  if (!hours.isWeekStable()) {
    return failure(
      'Die Öffnungszeiten ändern sich von Woche zu Woche (z. B. durch Datums-, Monats-, Kalenderwochen- oder Feiertagsangaben). Erlaubt ist nur ein regelmäßiges Wochenschema; einzelne Schließtage bitte als Schließung erfassen.',
    );
  }

  const monday = new Date(2026, 0, 12);
  const nextMonday = new Date(2026, 0, 19);
  const days = new Map<Weekday, Interval[]>(WEEKDAYS.map((day) => [day, []]));
  for (const [start, end, unknown, comment] of hours.getOpenIntervals(monday, nextMonday)) {
    if (unknown) return failure(describeUnknown(comment));
    if (comment) return failure(`Kommentare wie „${comment}“ sind im Wochenschema nicht möglich.`);
    for (const [weekday, interval] of splitByLocalDay(start, end, monday)) days.get(weekday)!.push(interval);
  }
  const week = Object.fromEntries(WEEKDAYS.map((day) => [day, union(days.get(day)!)])) as WeekSchedule;
  return { ok: true, week };
}

/** The weekly form as opening_hours text, e.g. 'Mo-We,Fr 08:00-12:30; Th 08:00-12:30,14:00-18:00'. */
export function formatWeek(week: WeekSchedule): string {
  const groups: Array<{ days: Weekday[]; times: string }> = [];
  for (const day of WEEKDAYS) {
    const times = week[day].map((i) => `${formatClock(i.from)}-${formatClock(i.to)}`).join(',');
    if (times === '') continue;
    const same = groups.find((group) => group.times === times);
    if (same) same.days.push(day);
    else groups.push({ days: [day], times });
  }
  if (groups.length === 0) return 'off';
  return groups.map((group) => `${formatDays(group.days)} ${group.times}`).join('; ');
}

function formatDays(days: Weekday[]): string {
  const runs: Weekday[][] = [];
  for (const day of days) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (previous && WEEKDAYS.indexOf(previous) + 1 === WEEKDAYS.indexOf(day)) run.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) => (run.length === 1 ? OH_DAYS[run[0]] : `${OH_DAYS[run[0]]}-${OH_DAYS[run[run.length - 1]]}`))
    .join(',');
}

/** Cuts [start, end) at local midnights into wall-clock intervals per weekday of the reference week. */
function splitByLocalDay(start: Date, end: Date, monday: Date): Array<[Weekday, Interval]> {
  const parts: Array<[Weekday, Interval]> = [];
  let cursor = start;
  while (cursor < end) {
    const nextMidnight = new Date(cursor.getFullYear(), cursor.getMonth(), cursor.getDate() + 1);
    const partEnd = end < nextMidnight ? end : nextMidnight;
    const dayIndex = Math.round(
      (new Date(cursor.getFullYear(), cursor.getMonth(), cursor.getDate()).getTime() - monday.getTime()) / 86_400_000,
    );
    const from = cursor.getHours() * 60 + cursor.getMinutes();
    const to = partEnd === nextMidnight ? 1440 : partEnd.getHours() * 60 + partEnd.getMinutes();
    if (from < to && dayIndex >= 0 && dayIndex < 7) parts.push([WEEKDAYS[dayIndex], { from, to }]);
    cursor = partEnd;
  }
  return parts;
}

/** Clearer messages for the selectors people most often try; the rest is caught by isWeekStable. */
function unsupportedSelector(value: string): string | null {
  const withoutComments = value.replace(/"[^"]*"/g, '""');
  if (/\b(PH|SH)\b/i.test(withoutComments)) {
    return 'Feiertags- und Ferienangaben (PH, SH) sind im Wochenschema nicht möglich: gesetzliche Feiertage berücksichtigt die Prüfung selbst, weitere Schließtage bitte als Schließung erfassen.';
  }
  if (/\bweek\b/i.test(withoutComments)) {
    return 'Kalenderwochenangaben (week …) sind im Wochenschema nicht möglich; erlaubt ist nur ein regelmäßiges Wochenschema.';
  }
  if (/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|easter)\b/i.test(withoutComments)) {
    return 'Datums- und Monatsangaben sind im Wochenschema nicht möglich; abweichende Tage bitte als Schließung erfassen.';
  }
  if (/\b(sunrise|sunset|dawn|dusk)\b/i.test(withoutComments)) {
    return 'Zeiten nach dem Sonnenstand (sunrise, sunset, dawn, dusk) sind nicht möglich; bitte feste Uhrzeiten angeben.';
  }
  return null;
}

function describeUnknown(comment: string | undefined): string {
  if (comment?.toLowerCase().includes('open end')) {
    return 'Öffnungszeiten mit offenem Ende (z. B. „08:00+“) sind nicht möglich; bitte eine Schlusszeit angeben.';
  }
  return comment
    ? `Zeiten mit unbestimmtem Status („${comment}“) sind im Wochenschema nicht möglich; bitte feste Öffnungszeiten angeben.`
    : 'Zeiten mit unbestimmtem Status („unknown“) sind im Wochenschema nicht möglich; bitte feste Öffnungszeiten angeben.';
}

function failure(error: string): OpeningHoursResult {
  return { ok: false, error };
}

/**
 * Warnings about rules that replace earlier ones. After ";" a rule replaces everything said before
 * for its weekdays (OSM semantics), so "Mo-Fr 08:00-12:00; Th 14:00-18:00" opens Thursday only in
 * the afternoon. That is easy to write by mistake; each case is named, e.g. 'Die Regel „Th
 * 14:00-18:00“ ersetzt für Donnerstag die frühere Angabe 08:00–12:00.' The text is read rule by rule
 * (each prefix of rules) and a day whose earlier opening is lost is reported with the rule that
 * lost it. Nothing is reported for a text that does not parse (its error says enough).
 */
export function overrideWarnings(text: string): string[] {
  const rules = splitRules(text.trim());
  if (rules.length < 2) return [];
  const warnings: string[] = [];
  let before = parseOpeningHours(rules[0]);
  for (let k = 1; k < rules.length; k++) {
    const after = parseOpeningHours(rules.slice(0, k + 1).join('; '));
    if (!before.ok || !after.ok) return warnings;
    for (const day of WEEKDAYS) {
      const lost = before.week[day].filter((i) => !after.week[day].some((j) => j.from <= i.from && j.to >= i.to));
      if (lost.length === 0) continue;
      warnings.push(
        `Die Regel „${rules[k]}“ ersetzt für ${WEEKDAY_NAMES_DE[day]} die frühere Angabe ${before.week[day].map((i) => `${formatClock(i.from)}–${formatClock(i.to)}`).join(', ')}` +
          ` (nach „;“ gilt für einen Tag nur die letzte Regel; zusätzliche Zeiten mit „,“ anhängen).`,
      );
    }
    before = after;
  }
  return warnings;
}

/** The rules of a text: separated by ";" outside quoted comments. */
function splitRules(text: string): string[] {
  const rules: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      rules.push(current.trim());
      current = '';
    } else current += ch;
  }
  rules.push(current.trim());
  return rules.filter((r) => r !== '');
}
