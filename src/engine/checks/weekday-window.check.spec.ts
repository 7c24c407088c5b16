import { aWeek } from '../testing/week.factory';
import { officeFacts } from '../testing/facts.factory';
import { judge } from '../testing/judge';
import type { OfficeRole, OpeningWeekFacts } from '../types';

const standalone = (ruleId: string, openingWeek: OpeningWeekFacts) => judge(ruleId, officeFacts('standalone', { openingWeek }));
const minor = (openingWeek: OpeningWeekFacts, role: OfficeRole = 'tandem-minor') =>
  judge('tandem.minor-mornings', officeFacts(role, { openingWeek }));

describe('daily opening Monday to Friday (section 2)', () => {
  it('a week open every weekday is compliant', () => {
    const finding = standalone('opening.every-weekday', aWeek().openWeekdays('14:00', '15:00').build());
    expect(finding).toMatchObject({ status: 'compliant', measured: 5, required: 5, unit: 'Tage' });
    expect(finding.message).toBe('An allen 5 Tagen (Mo–Fr) besteht eine Öffnung.');
  });

  it('a week closed on Wednesday is not compliant and names the day', () => {
    const finding = standalone('opening.every-weekday', aWeek().openWeekdays('08:00', '12:00').closed('wed').build());
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 4, required: 5 });
    expect(finding.message).toBe('Am Mittwoch fehlt eine Öffnung.');
  });

  it('a Saturday does not stand in for a closed weekday', () => {
    const week = aWeek().openWeekdays('08:00', '12:00').closed('fri').open('sat', '08:00', '12:00').build();
    expect(standalone('opening.every-weekday', week).status).toBe('non_compliant');
  });

  it('a public holiday counts with the opening its schedule foresaw', () => {
    const week = aWeek().startingOn('2026-03-30').openWeekdays('08:00', '12:00').holiday('fri', 'Karfreitag').build();
    const finding = standalone('opening.every-weekday', week);
    expect(finding).toMatchObject({ status: 'compliant', measured: 5, required: 5 });
    expect(finding.message).toContain('Feiertage wie im Öffnungsplan angerechnet: Karfreitag (Freitag, 03.04.2026).');
    expect(finding.evidence.holidays).toEqual([{ date: '2026-04-03', weekday: 'fri', name: 'Karfreitag', credited: true, creditedHours: 4 }]);
  });

  it('a public holiday on a day the schedule keeps closed is not an opening', () => {
    // Easter Monday 6 April 2026 does not excuse a schedule that never opens on Mondays.
    const week = aWeek().startingOn('2026-04-06').open(['tue', 'wed', 'thu', 'fri'], '08:00', '12:00').holiday('mon', 'Ostermontag').build();
    expect(standalone('opening.every-weekday', week)).toMatchObject({ status: 'non_compliant', measured: 4, required: 5 });
  });

  it('counts a holiday as closed when a deviation or a later catalog sets creditHolidays to false', () => {
    const week = aWeek().openWeekdays('08:00', '12:00').holiday('fri', 'Karfreitag').build();
    const finding = judge('opening.every-weekday', officeFacts('standalone', { openingWeek: week }), {
      deviations: [{ id: 'd1', ruleId: 'opening.every-weekday', kind: 'parameters', params: { creditHolidays: false }, reason: 'Test', validFrom: '2026-01-01', validUntil: null }],
    });
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 4 });
    expect(finding.message).toContain('Feiertage zählen als geschlossen: Karfreitag (Freitag).');
  });
});

describe('opening every morning (section 2, morning 07:00–13:00, any length)', () => {
  it.each([
    ['a morning of 2 hours counts', '10:00', '12:00', 'compliant'],
    ['a morning 11:00–12:30 counts: the text names no minimum length', '11:00', '12:30', 'compliant'],
    ['a single minute before 13:00 counts', '12:59', '13:00', 'compliant'],
    ['an opening from 13:00 has no morning', '13:00', '15:00', 'non_compliant'],
    ['an opening ending at 07:00 has no morning', '06:00', '07:00', 'non_compliant'],
    ['an opening from 06:00 to 07:01 has one minute of morning', '06:00', '07:01', 'compliant'],
  ])('%s', (_name, from, to, status) => {
    expect(standalone('opening.every-morning', aWeek().openWeekdays(from, to).build()).status).toBe(status);
  });

  it('names the days without a morning opening', () => {
    const week = aWeek().openWeekdays('08:00', '12:00').closed(['wed', 'fri']).open(['wed', 'fri'], '14:00', '18:00').build();
    const finding = standalone('opening.every-morning', week);
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 3, required: 5 });
    expect(finding.message).toBe('Am Mittwoch und Freitag fehlt eine Öffnung zwischen 07:00 und 13:00 Uhr.');
  });

  it('a Saturday morning does not stand in for a weekday morning', () => {
    const week = aWeek().openWeekdays('08:00', '12:00').closed('mon').open('sat', '08:00', '12:00').build();
    expect(standalone('opening.every-morning', week)).toMatchObject({ status: 'non_compliant', measured: 4, required: 5 });
  });

  it('keeps a stricter minimum as a parameter (a deviation of 2 hours)', () => {
    const week = aWeek().openWeekdays('11:00', '12:30').build();
    const finding = judge('opening.every-morning', officeFacts('standalone', { openingWeek: week }), {
      deviations: [{ id: 'd1', ruleId: 'opening.every-morning', kind: 'parameters', params: { minimumHours: 2 }, reason: 'strenger', validFrom: '2026-01-01', validUntil: null }],
    });
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 0 });
    expect(finding.message).toContain('Öffnung von mindestens 2,0 Std. zwischen 07:00 und 13:00 Uhr');
  });

  it('records the minutes inside the window per day as evidence', () => {
    const finding = standalone('opening.every-morning', aWeek().openWeekdays('08:00', '12:00').closed('wed').build());
    expect(finding.evidence.days).toContainEqual(expect.objectContaining({ weekday: 'mon', minutesInWindow: 240, qualifies: true }));
    expect(finding.evidence.days).toContainEqual(expect.objectContaining({ weekday: 'wed', minutesInWindow: 0, qualifies: false }));
  });
});

describe('access on at least one afternoon (section 2, 13:00–20:00, Monday to Saturday, any length)', () => {
  const mornings = () => aWeek().openWeekdays('08:00', '12:00');

  it.each([
    ['a 1-minute afternoon is an afternoon', '14:00', '14:01', 'compliant'],
    ['an afternoon Thursday 14:00–15:00 is an afternoon', '14:00', '15:00', 'compliant'],
    ['an opening 12:00–13:01 reaches one minute into the afternoon', '12:00', '13:01', 'compliant'],
    ['an opening 12:00–13:00 ends where the afternoon begins', '12:30', '13:00', 'non_compliant'],
    ['an opening 20:00–21:00 starts where the afternoon ends', '20:00', '21:00', 'non_compliant'],
  ])('%s', (_name, from, to, status) => {
    expect(standalone('opening.afternoon', mornings().open('thu', from, to).build()).status).toBe(status);
  });

  it('a week without any afternoon says how many days are missing', () => {
    const finding = standalone('opening.afternoon', mornings().build());
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 0, required: 1 });
    expect(finding.message).toBe(
      'An 0 von 6 Tagen (Mo–Sa) besteht eine Öffnung zwischen 13:00 und 20:00 Uhr; erforderlich ist mindestens 1 Tag. Es fehlt 1 weiterer Tag; in Frage kommen Montag, Dienstag, Mittwoch, Donnerstag, Freitag, Samstag.',
    );
  });

  it('Corpus Christi on the long Thursday keeps the only afternoon (2026-W23)', () => {
    // Fronleichnam, Thursday 4 June 2026, is the office's only afternoon (14:00–18:00): credited as
    // scheduled, the week has its afternoon and one for working people, as in every regular week.
    const week = mornings().startingOn('2026-06-01').open('thu', '14:00', '18:00').holiday('thu', 'Fronleichnam').build();
    expect(standalone('opening.afternoon', week)).toMatchObject({ status: 'compliant', measured: 1 });
    expect(standalone('opening.afternoon-for-working-people', week).status).toBe('compliant');
  });

  it('Saturday can be the only afternoon', () => {
    const finding = standalone('opening.afternoon', mornings().open('sat', '13:00', '15:00').build());
    expect(finding).toMatchObject({ status: 'compliant', measured: 1, required: 1 });
    expect(finding.message).toContain('(Mo–Sa: Samstag)');
  });
});

describe('an afternoon for working people (section 2, open until at least 17:30)', () => {
  const mornings = () => aWeek().openWeekdays('08:00', '12:00');

  it.each([
    ['open until exactly 17:30 is compliant', '14:00', '17:30', 'compliant'],
    ['open until 17:29 is not compliant', '14:00', '17:29', 'non_compliant'],
    ['open 17:00–17:30 is compliant: no minimum length', '17:00', '17:30', 'compliant'],
    ['an evening 17:30–18:00 reaches to 18:00', '17:30', '18:00', 'compliant'],
  ])('%s', (_name, from, to, status) => {
    expect(standalone('opening.afternoon-for-working-people', mornings().open('thu', from, to).build()).status).toBe(status);
  });

  it('names the day that qualifies', () => {
    const finding = standalone('opening.afternoon-for-working-people', mornings().open('thu', '14:00', '18:00').build());
    expect(finding.message).toBe(
      'An 1 von 6 Tagen (Mo–Sa: Donnerstag) besteht eine Öffnung zwischen 13:00 und 20:00 Uhr, die bis mindestens 17:30 Uhr reicht; erforderlich ist mindestens 1 Tag.',
    );
  });

  it('a Saturday afternoon until 18:00 is open to working people', () => {
    expect(standalone('opening.afternoon-for-working-people', mornings().open('sat', '13:00', '18:00').build()).status).toBe('compliant');
  });
});

describe('the smaller tandem location opens on at least three mornings (section 2, Ausnahmeregelungen)', () => {
  it.each([
    ['three mornings are compliant', ['mon', 'tue', 'wed'], 'compliant', 3],
    ['two mornings are not compliant', ['mon', 'tue'], 'non_compliant', 2],
    ['five mornings are compliant', ['mon', 'tue', 'wed', 'thu', 'fri'], 'compliant', 5],
  ] as const)('%s', (_name, days, status, measured) => {
    expect(minor(aWeek().open([...days], '08:00', '10:00').build())).toMatchObject({ status, measured, required: 3 });
  });

  it('says how many mornings are missing and which days could take them', () => {
    const finding = minor(aWeek().open(['mon', 'tue'], '08:00', '12:00').build());
    expect(finding.message).toBe(
      'An 2 von 5 Tagen (Mo–Fr: Montag und Dienstag) besteht eine Öffnung zwischen 07:00 und 13:00 Uhr; erforderlich sind mindestens 3 Tage. Es fehlt 1 weiterer Tag; in Frage kommen Mittwoch, Donnerstag, Freitag.',
    );
  });

  it("keeps Good Friday's morning for a location open Monday, Wednesday and Friday (2026-W14)", () => {
    // Worked example: Good Friday is 3 April 2026. Mon/Wed/Fri 08:30–12:00 are three mornings in
    // the regular week; the holiday is credited with its scheduled morning, so still three.
    const week = aWeek().startingOn('2026-03-30').open(['mon', 'wed', 'fri'], '08:30', '12:00').holiday('fri', 'Karfreitag').build();
    const finding = minor(week);
    expect(finding).toMatchObject({ status: 'compliant', measured: 3, required: 3 });
    expect(finding.evidence.holidays).toEqual([{ date: '2026-04-03', weekday: 'fri', name: 'Karfreitag', credited: true, creditedHours: 3.5 }]);
  });

  it('does not apply to a standalone office', () => {
    expect(minor(aWeek().build(), 'standalone').status).toBe('not_applicable');
  });
});
