import { aWeek } from '../testing/week.factory';
import { officeFacts } from '../testing/facts.factory';
import { judge } from '../testing/judge';
import type { OpeningWeekFacts } from '../types';

const RULE = 'opening.weekly-minimum';
const weekly = (openingWeek: OpeningWeekFacts) => judge(RULE, officeFacts('standalone', { openingWeek }));

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

  it('requires 17.2 hours in a week with one public holiday', () => {
    const week = aWeek().startingOn('2026-03-30').open(['mon', 'tue', 'wed', 'thu'], '08:00', '12:18').holiday('fri', 'Karfreitag').build();
    const finding = judge(RULE, officeFacts('standalone', { openingWeek: week }), { period: '2026-W14' });
    expect(finding).toMatchObject({ status: 'compliant', measured: 17.2, required: 17.2 });
    expect(finding.message).toContain('Die Öffnungszeit in der Woche 2026-W14 beträgt 17,2 Std.');
    expect(finding.message).toContain('Mindestwert von 17,2 Std., anteilig aus 21,5 Std. für 4 von 5 Werktagen wegen Karfreitag (Freitag).');
  });

  it('finds a holiday week one minute short of 17.2 hours non-compliant', () => {
    const week = aWeek().open(['mon', 'tue', 'wed'], '08:00', '12:18').open('thu', '08:00', '12:17').holiday('fri', 'Karfreitag').build();
    expect(weekly(week)).toMatchObject({ status: 'non_compliant', required: 17.2 });
  });

  it('is not applicable in a week whose weekdays are all holidays', () => {
    const week = aWeek();
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).forEach((day) => week.holiday(day, 'Feiertag'));
    expect(weekly(week.build()).status).toBe('not_applicable');
  });

  it('reports insufficient data when no schedule is known', () => {
    expect(judge(RULE, officeFacts('standalone')).status).toBe('insufficient_data');
  });

  it('passes the schedule sources through to the finding', () => {
    const finding = weekly(aWeek().openWeekdays('08:00', '13:00').sources('schedule-v3', 'closure-7').build());
    expect(finding.sources).toEqual(['schedule-v3', 'closure-7']);
  });
});
