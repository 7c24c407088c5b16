import { isoWeekDates } from '../../src/calendar';
import type { TestApp } from '../support/test-app';

/** A compliant week for Witten, a short one for Herdecke, and Witten's hotline covered in November 2026. */
export async function seedNovember(t: TestApp, coordination: string): Promise<void> {
  const auth = { Authorization: `Bearer ${coordination}` };
  const submit = (officeId: string, openingHours: string) =>
    t.http().post('/api/v1/schedules').set(auth).send({ officeId, validFrom: '2026-01-01', openingHours }).expect(201);
  await submit('witten', 'Mo-Fr 08:00-12:30; Th 08:00-12:30,14:00-18:00');
  await submit('herdecke', 'Mo-Th 08:30-12:00');
  const coverage = ['2026-W45', '2026-W46', '2026-W47', '2026-W48'].flatMap((w) =>
    isoWeekDates(w)
      .slice(0, 5)
      .map((d) => ({ start: `${d}T08:00`, end: `${d}T17:00`, coveredBy: 'staff' })),
  );
  await t.http().post('/api/v1/offices/witten/hotline-coverage').set(auth).send(coverage).expect(201);
  const records = ['a1', 'a2', 'a3'].flatMap((staffRef) =>
    ['2026-11-02', '2026-11-03'].flatMap((date) => [
      { staffRef, role: 'placement_officer', date, minutes: 240, activity: 'employer_service' },
      { staffRef, role: 'placement_officer', date, minutes: 240, activity: 'jobseeker_service' },
    ]),
  );
  await t.http().post('/api/v1/offices/witten/time-records').set(auth).send(records).expect(201);
}
