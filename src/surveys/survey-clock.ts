import { DateTime } from 'luxon';
import { ZONE } from '../calendar';
import type { Clock } from '../common/clock';

/** Today in Berlin for the injected clock: survey periods are calendar days. */
export function berlinDay(clock: Clock, plusDays = 0): string {
  return DateTime.fromJSDate(clock()).setZone(ZONE).plus({ days: plusDays }).toISODate()!;
}

/** 2026-11-30 → 30.11.2026 */
export function germanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
