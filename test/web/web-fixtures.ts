import { DateTime } from 'luxon';
import { isoWeekDates, isoWeekOf, ZONE } from '../../src/calendar';
import type { TestApp } from '../support/test-app';

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Dates relative to the real today (Berlin), because the pages show "the plan in force today" and "the last complete week". */
export function calendarNow() {
  const today = DateTime.now().setZone(ZONE).startOf('day');
  const lastWeek = isoWeekOf(today.minus({ days: 7 }).toISODate()!);
  const previousMonth = today.minus({ months: 1 });
  return {
    today: today.toISODate()!,
    lastWeek,
    lastWeekDates: isoWeekDates(lastWeek),
    /** Two complete months before the current one: the audit period. */
    auditFrom: today.minus({ months: 2 }).startOf('month').toISODate()!,
    auditTo: previousMonth.endOf('month').toISODate()!,
    previousMonthDates: [previousMonth.startOf('month').toISODate()!, previousMonth.startOf('month').plus({ days: 1 }).toISODate()!],
  };
}

/**
 * Witten compliant (22 h), Herdecke short (14 h); Witten's hotline covered in the last complete week
 * except Wednesday 12–13 Uhr; Witten's time records of the previous month (three placement officers
 * at 41,7 % each: none reaches 45 %, so the aim is missed); then one audit over the two months before
 * the current one. Returns the run id.
 */
export async function seedOffices(t: TestApp, coordination: string): Promise<string> {
  const now = calendarNow();
  const submit = (officeId: string, openingHours: string) =>
    t.http().post('/api/v1/schedules').set(auth(coordination)).send({ officeId, validFrom: '2025-01-01', openingHours }).expect(201);
  await submit('witten', 'Mo-Fr 08:00-11:36; Th 08:00-11:36,14:00-18:00');
  await submit('herdecke', 'Mo-Th 08:30-12:00');
  const coverage = now.lastWeekDates.slice(0, 5).flatMap((d, k) =>
    k === 2
      ? [
          { start: `${d}T08:00`, end: `${d}T12:00`, coveredBy: 'staff' },
          { start: `${d}T13:00`, end: `${d}T17:00`, coveredBy: 'call_centre' },
        ]
      : [{ start: `${d}T08:00`, end: `${d}T17:00`, coveredBy: 'staff' }],
  );
  await t.http().post('/api/v1/offices/witten/hotline-coverage').set(auth(coordination)).send(coverage).expect(201);
  const records = ['vm-1', 'vm-2', 'vm-3'].flatMap((staffRef) =>
    now.previousMonthDates.flatMap((date) => [
      { staffRef, role: 'placement_officer', date, minutes: 200, activity: 'employer_service' },
      { staffRef, role: 'placement_officer', date, minutes: 280, activity: 'jobseeker_service' },
    ]),
  );
  await t.http().post('/api/v1/offices/witten/time-records').set(auth(coordination)).send(records).expect(201);
  const run = await t.http().post('/api/v1/audits').set(auth(coordination)).send({ from: now.auditFrom, to: now.auditTo }).expect(201);
  return run.body.id as string;
}
