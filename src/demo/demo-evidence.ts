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
  /** Section 4.1: the office's delegates to the multiplier teams (pseudonyms). */
  teamMembership: Array<{ team: 'placement' | 'specialist_advice'; delegateRef: string; from: string; until?: string }>;
  /** Section 4.2: the contact person of each employer (pseudonyms for both). */
  employerAssignments: Array<{ employerRef: string; contactRef: string; contactRole: 'placement' | 'specialist_advice' | 'other'; from: string; until?: string }>;
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
    return { officeId, closures, hotline, timeRecords, ...cooperationRegisters(officeId, today) };
  });
}

/** The seven Regionalstellen (the smaller tandem locations send and are invited through their seat). */
const REGIONAL_OFFICES = ['witten', 'hattingen', 'herdecke', 'wetter', 'schwelm', 'ennepetal', 'gevelsberg'];

/**
 * Registers of sections 4.1 and 4.2, so that their rules show a verdict for last month on first
 * start: every office has a delegate in each multiplier team since long ago, except that Herdecke's
 * specialist-advice delegate left on the 10th of last month and the successor came only on the 17th
 * (days without a delegate: Herdecke is the one office of the demo that misses must standards), and
 * Wetter changed its placement delegate once within a year (still "fest"). Every employer has one placement officer, except that at Hattingen one employer got a new
 * contact last month and at Schwelm one is looked after by specialist advice.
 */
function cooperationRegisters(officeId: string, today: DateTime): Pick<DemoEvidence, 'teamMembership' | 'employerAssignments'> {
  if (!REGIONAL_OFFICES.includes(officeId)) return { teamMembership: [], employerAssignments: [] };
  const lastMonth = today.setZone(ZONE).startOf('month').minus({ months: 1 });
  const iso = (d: DateTime) => d.toISODate()!;
  const longAgo = iso(lastMonth.minus({ years: 2 }));
  const ref = (team: string, n: number) => `mt-${team}-${officeId}-${n}`;
  const teamMembership: DemoEvidence['teamMembership'] =
    officeId === 'wetter'
      ? [
          { team: 'placement', delegateRef: ref('av', 1), from: longAgo, until: iso(lastMonth.minus({ months: 5, days: 1 })) },
          { team: 'placement', delegateRef: ref('av', 2), from: iso(lastMonth.minus({ months: 5 })) },
          { team: 'specialist_advice', delegateRef: ref('fb', 1), from: longAgo },
        ]
      : officeId === 'herdecke'
        ? [
            { team: 'placement', delegateRef: ref('av', 1), from: longAgo },
            { team: 'specialist_advice', delegateRef: ref('fb', 1), from: longAgo, until: iso(lastMonth.plus({ days: 9 })) },
            { team: 'specialist_advice', delegateRef: ref('fb', 2), from: iso(lastMonth.plus({ days: 16 })) },
          ]
        : [
            { team: 'placement', delegateRef: ref('av', 1), from: longAgo },
            { team: 'specialist_advice', delegateRef: ref('fb', 1), from: longAgo },
          ];
  const since = iso(lastMonth.minus({ years: 1 }));
  const employerAssignments: DemoEvidence['employerAssignments'] = [1, 2, 3, 4, 5, 6].map((n) => ({
    employerRef: `U-${officeId}-${n}`,
    contactRef: `vm-${officeId}-${((n - 1) % 4) + 1}`,
    contactRole: 'placement' as const,
    from: since,
  }));
  if (officeId === 'hattingen') {
    employerAssignments[0] = { ...employerAssignments[0], until: iso(lastMonth.plus({ days: 13 })) };
    employerAssignments.push({ employerRef: `U-${officeId}-1`, contactRef: `vm-${officeId}-2`, contactRole: 'placement', from: iso(lastMonth.plus({ days: 14 })) });
  }
  if (officeId === 'schwelm') employerAssignments.push({ employerRef: `U-${officeId}-7`, contactRef: `fb-${officeId}-1`, contactRole: 'specialist_advice', from: since });
  return { teamMembership, employerAssignments };
}

/**
 * Section 4.1: the practice meetings the coordination office recorded: one for the placement
 * officers three months ago and one for the specialist advisers two months ago, every office invited.
 */
export function demoPracticeMeetings(today: DateTime): Array<{ date: string; audience: 'placement' | 'specialist_advice'; invited: string[]; attended: string[] }> {
  const month = today.setZone(ZONE).startOf('month');
  // A Tuesday in the second week of the month, never a public holiday in NRW's calendar of that month.
  const tuesday = (first: DateTime) => {
    let d = first.plus({ days: 7 });
    while (d.weekday !== 2 || publicHolidaysNrw(d.year).has(d.toISODate()!)) d = d.plus({ days: 1 });
    return d.toISODate()!;
  };
  return [
    { date: tuesday(month.minus({ months: 3 })), audience: 'placement', invited: REGIONAL_OFFICES, attended: REGIONAL_OFFICES.slice(0, 5) },
    { date: tuesday(month.minus({ months: 2 })), audience: 'specialist_advice', invited: REGIONAL_OFFICES, attended: REGIONAL_OFFICES },
  ];
}
