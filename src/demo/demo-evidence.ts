import { DateTime } from 'luxon';
import { publicHolidaysNrw, ZONE } from '../calendar';

/**
 * Plausible evidence for the demo, relative to today, so a newcomer sees real findings at once:
 * most offices cover the hotline fully, Hattingen leaves five minutes open on Wednesdays, Wetter
 * closes the line early on Fridays, Herdecke reports nothing (insufficient data); Witten had a staff
 * meeting one morning; Wetter's placement officers spend less than half their time on employers.
 */
export interface DemoEvidence {
  officeId: string;
  closures: Array<{ date: string; from?: string; to?: string; reason: string }>;
  hotline: Array<{ start: string; end: string; coveredBy: 'staff' | 'call_centre' }>;
  timeRecords: Array<{ staffRef: string; role: string; date: string; minutes: number; activity: string }>;
}

const HOTLINE_OFFICES = ['witten', 'hattingen', 'wetter', 'schwelm', 'ennepetal', 'gevelsberg'];
const TIME_OFFICES = ['witten', 'hattingen', 'herdecke', 'wetter', 'schwelm', 'ennepetal', 'gevelsberg'];
/**
 * Employer-service share of each placement officer, in percent of 480 minutes a day: elsewhere all
 * four reach 45 % (the aim, catalog employer-service.time-share); at Wetter one of four does not
 * (75 % of the officers, below the 80 % the aim asks for).
 */
const SHARES: Record<string, number[]> = { wetter: [45, 45, 40, 50], default: [60, 55, 50, 45] };

export function demoEvidence(today: DateTime): DemoEvidence[] {
  const start = today.setZone(ZONE).startOf('week').minus({ weeks: 8 });
  const monthsStart = today.setZone(ZONE).startOf('month').minus({ months: 2 });
  const from = start < monthsStart ? start : monthsStart;
  const yesterday = today.setZone(ZONE).startOf('day').minus({ days: 1 });
  const workdays: DateTime[] = [];
  for (let d = from; d <= yesterday; d = d.plus({ days: 1 })) {
    if (d.weekday <= 5 && !publicHolidaysNrw(d.year).has(d.toISODate()!)) workdays.push(d);
  }
  // A Thursday: Witten opens that afternoon too, so the meeting costs the morning, not the day.
  const meeting = start.plus({ weeks: 5, days: 3 });
  const outing = start.plus({ weeks: 6, days: 1 }); // a Tuesday

  return TIME_OFFICES.map((officeId) => {
    const hotline: DemoEvidence['hotline'] = [];
    if (HOTLINE_OFFICES.includes(officeId)) {
      for (const d of workdays.filter((w) => w >= start)) {
        const date = d.toISODate()!;
        const afternoonStart = officeId === 'hattingen' && d.weekday === 3 ? '13:05' : '13:00';
        const afternoonEnd = officeId === 'wetter' && d.weekday === 5 ? '15:00' : '17:00';
        hotline.push({ start: `${date}T08:00`, end: `${date}T12:00`, coveredBy: 'staff' });
        hotline.push({ start: `${date}T12:00`, end: `${date}T13:00`, coveredBy: 'call_centre' });
        hotline.push({ start: `${date}T${afternoonStart}`, end: `${date}T${afternoonEnd}`, coveredBy: 'staff' });
      }
    }
    const closures: DemoEvidence['closures'] = [];
    // The whole morning: any opening inside the morning window counts (no minimum duration, issue 11).
    if (officeId === 'witten') closures.push({ date: meeting.toISODate()!, from: '07:00', to: '13:00', reason: 'Dienstbesprechung' });
    if (officeId === 'schwelm') closures.push({ date: outing.toISODate()!, reason: 'Betriebsausflug' });
    const shares = SHARES[officeId] ?? SHARES.default;
    const timeRecords = workdays.flatMap((d) =>
      shares.flatMap((share, i) => {
        const staffRef = `vm-${officeId}-${i + 1}`;
        const employer = Math.round((480 * share) / 100);
        const date = d.toISODate()!;
        return [
          { staffRef, role: 'placement_officer', date, minutes: employer, activity: 'employer_service' },
          { staffRef, role: 'placement_officer', date, minutes: 480 - employer, activity: 'jobseeker_service' },
        ];
      }),
    );
    return { officeId, closures, hotline, timeRecords };
  });
}
