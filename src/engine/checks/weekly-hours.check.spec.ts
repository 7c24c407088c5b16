import { aWeek } from '../testing/week.factory';
import { officeFacts } from '../testing/facts.factory';
import { judge } from '../testing/judge';
import type { OpeningWeekFacts } from '../types';

const RULE = 'opening.weekly-minimum';
const weekly = (openingWeek: OpeningWeekFacts, period?: string) =>
  judge(RULE, officeFacts('standalone', { openingWeek }), period ? { period } : {});

describe('weekly minimum opening of 21.5 hours (section 2)', () => {
  it.each([
    // Mon–Fri 08:00–12:18 = 5 × 4.3 h = 21.5 h exactly
    ['exactly 21.5 hours is compliant', '12:18', 'compliant', 21.5],
    // 5 × 4 h 15 min = 21.25 h
    ['21.25 hours is not compliant', '12:15', 'non_compliant', 21.25],
    ['26.5 hours is compliant', '13:18', 'compliant', 26.5],
  ])('%s', (_name, closing, status, measured) => {
    const finding = weekly(aWeek().openWeekdays('08:00', closing).build());
    expect(finding).toMatchObject({ status, measured, required: 21.5, unit: 'Std.' });
  });

  it('says in German how far the week falls short', () => {
    const finding = weekly(aWeek().openWeekdays('08:00', '12:00').build());
    expect(finding.message).toBe(
      'Die regelmäßige Öffnungszeit beträgt 20,0 Std. je Woche und liegt 1,5 Std. unter dem Mindestwert von 21,5 Std. Die Öffnungszeit ist um mindestens 1,5 Std. zu erweitern.',
    );
  });

  it('says so when the week is long enough', () => {
    const finding = weekly(aWeek().openWeekdays('08:00', '13:18').build());
    expect(finding.message).toBe('Die regelmäßige Öffnungszeit beträgt 26,5 Std. je Woche und erfüllt den Mindestwert von 21,5 Std.');
  });

  it('shows 21.25 hours with two decimals rather than rounding it up to the limit', () => {
    const finding = weekly(aWeek().openWeekdays('08:00', '12:15').build());
    expect(finding.message).toContain('beträgt 21,25 Std.');
  });

  it('counts Saturday opening toward the weekly total', () => {
    const finding = weekly(aWeek().openWeekdays('08:00', '12:00').open('sat', '09:00', '10:30').build());
    expect(finding).toMatchObject({ status: 'compliant', measured: 21.5 });
    expect(finding.evidence.hoursPerDay).toMatchObject({ mon: 4, sat: 1.5 });
  });

  it('names a real week as people read it', () => {
    const finding = weekly(aWeek().startingOn('2026-10-05').openWeekdays('08:00', '13:00').build(), '2026-W41');
    expect(finding.message).toBe('Die Öffnungszeit in der KW 41/2026 beträgt 25,0 Std. je Woche und erfüllt den Mindestwert von 21,5 Std.');
  });

  it('reports insufficient data when no schedule is known', () => {
    expect(judge(RULE, officeFacts('standalone')).status).toBe('insufficient_data');
  });

  it('passes the schedule sources through to the finding', () => {
    const finding = weekly(aWeek().openWeekdays('08:00', '13:00').sources('schedule-v3', 'closure-7').build());
    expect(finding.sources).toEqual(['schedule-v3', 'closure-7']);
  });
});

/**
 * Worked by hand from the text before encoding (NRW holidays 2026 from date-holidays): a public
 * holiday is credited with what the schedule in force foresaw that day, the 21,5 hours stay.
 */
describe('public holidays are neutral: the week is judged like the regular week of its schedule', () => {
  it('Corpus Christi on a long Thursday (2026-W23): a 25-hour office stays compliant', () => {
    // Mon–Wed, Fri 08:00–12:00 = 4 × 4 h = 16 h; Thu 08:00–17:00 = 9 h; together 25 h.
    // Fronleichnam is Thursday 4 June 2026: credited 9 h → 25 h ≥ 21,5 h. (Pro rata it was 16 h
    // against 17,2 h: a violation the office could not have avoided.)
    const week = aWeek().startingOn('2026-06-01').open(['mon', 'tue', 'wed', 'fri'], '08:00', '12:00').open('thu', '08:00', '17:00').holiday('thu', 'Fronleichnam').build();
    const finding = weekly(week, '2026-W23');
    expect(finding).toMatchObject({ status: 'compliant', measured: 25, required: 21.5 });
    expect(finding.evidence.holidays).toEqual([{ date: '2026-06-04', weekday: 'thu', name: 'Fronleichnam', credited: true, creditedHours: 9 }]);
    expect(finding.message).toBe(
      'Die Öffnungszeit in der KW 23/2026 beträgt 25,0 Std. je Woche und erfüllt den Mindestwert von 21,5 Std. Feiertage wie im Öffnungsplan angerechnet: Fronleichnam (Donnerstag, 04.06.2026) mit 9,0 Std.',
    );
  });

  it('Easter Monday with a short Monday (2026-W15): a 21-hour office does not pass', () => {
    // Mon 08:00–09:00 = 1 h; Tue–Fri 08:00–13:00 = 4 × 5 h = 20 h; together 21 h < 21,5 h.
    // Ostermontag is 6 April 2026: credited 1 h → still 21 h. (Pro rata it passed: 20 h ≥ 17,2 h.)
    const week = aWeek().startingOn('2026-04-06').open('mon', '08:00', '09:00').open(['tue', 'wed', 'thu', 'fri'], '08:00', '13:00').holiday('mon', 'Ostermontag').build();
    expect(weekly(week, '2026-W15')).toMatchObject({ status: 'non_compliant', measured: 21, required: 21.5 });
  });

  it('German Unity Day on a Saturday (2026-W40) is credited like a weekday holiday', () => {
    // Mon–Fri 08:00–12:00 = 20 h; Sat 09:00–11:00 = 2 h; together 22 h. Tag der Deutschen Einheit
    // is Saturday 3 October 2026: credited 2 h → 22 h ≥ 21,5 h. (Pro rata it was never excused: 20 h.)
    const week = aWeek().startingOn('2026-09-28').openWeekdays('08:00', '12:00').open('sat', '09:00', '11:00').holiday('sat', 'Tag der Deutschen Einheit').build();
    const finding = weekly(week, '2026-W40');
    expect(finding).toMatchObject({ status: 'compliant', measured: 22 });
    expect(finding.evidence.holidays).toEqual([{ date: '2026-10-03', weekday: 'sat', name: 'Tag der Deutschen Einheit', credited: true, creditedHours: 2 }]);
  });

  it('Good Friday and a real closure on Tuesday (2026-W14): the closure still counts against', () => {
    // Mon–Fri 08:00–12:30 = 22,5 h; Good Friday credited 4,5 h; Tuesday closed all day (-4,5 h) → 18 h.
    const week = aWeek().startingOn('2026-03-30').openWeekdays('08:00', '12:30').closed('tue').holiday('fri', 'Karfreitag').build();
    expect(weekly(week, '2026-W14')).toMatchObject({ status: 'non_compliant', measured: 18 });
  });

  it('the week of Christmas (2026-W52): 25 December credited, 24 December an ordinary day', () => {
    // Fri 25 Dec and Sat 26 Dec are holidays; 24 Dec (Thursday) is not. A 22,5-hour week stays 22,5 h.
    const week = aWeek().startingOn('2026-12-21').openWeekdays('08:00', '12:30').holiday('fri', '1. Weihnachtstag').holiday('sat', '2. Weihnachtstag').build();
    const finding = weekly(week, '2026-W52');
    expect(finding).toMatchObject({ status: 'compliant', measured: 22.5 });
    expect(finding.message).toContain('1. Weihnachtstag (Freitag, 25.12.2026) mit 4,5 Std. und 2. Weihnachtstag (Samstag, 26.12.2026) mit 0,0 Std.');
  });

  it('a week of holidays only is judged on its schedule', () => {
    const week = aWeek().openWeekdays('08:00', '12:30');
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).forEach((day) => week.holiday(day, 'Feiertag'));
    expect(weekly(week.build())).toMatchObject({ status: 'compliant', measured: 22.5 });
  });
});
