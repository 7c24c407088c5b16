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
    expect(finding.message).toBe('An allen 5 Werktagen besteht eine Öffnung.');
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

  it('a public holiday needs no opening', () => {
    const week = aWeek().startingOn('2026-03-30').openWeekdays('08:00', '12:00').holiday('fri', 'Karfreitag').build();
    const finding = standalone('opening.every-weekday', week);
    expect(finding).toMatchObject({ status: 'compliant', measured: 4, required: 4 });
    expect(finding.message).toContain('Feiertage zählen nicht mit: Karfreitag (Freitag).');
  });

  it('a week of holidays only is not applicable', () => {
    const week = aWeek();
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).forEach((day) => week.holiday(day, 'Betriebsfeiertag'));
    expect(standalone('opening.every-weekday', week.build()).status).toBe('not_applicable');
  });
});

describe('opening every morning (section 2, morning 07:00–13:00 for at least 2 hours)', () => {
  it.each([
    ['a morning of exactly 2 hours counts', '10:00', '12:00', 'compliant'],
    ['a morning of 1 hour 59 minutes does not count', '10:00', '11:59', 'non_compliant'],
    ['only the part inside the morning window counts', '11:30', '15:00', 'non_compliant'],
    ['an opening from 06:00 to 09:00 has 2 hours inside the window', '06:00', '09:00', 'compliant'],
  ])('%s', (_name, from, to, status) => {
    expect(standalone('opening.every-morning', aWeek().openWeekdays(from, to).build()).status).toBe(status);
  });

  it('names the days without a morning opening and what is missing', () => {
    const week = aWeek().openWeekdays('08:00', '12:00').closed(['wed', 'fri']).open(['wed', 'fri'], '14:00', '18:00').build();
    const finding = standalone('opening.every-morning', week);
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 3, required: 5 });
    expect(finding.message).toBe(
      'Am Mittwoch und Freitag fehlt eine Öffnung von mindestens 2,0 Std. zwischen 07:00 und 13:00 Uhr.',
    );
  });

  it('does not require a morning on a public holiday', () => {
    const week = aWeek().openWeekdays('08:00', '12:00').holiday('mon', 'Ostermontag').build();
    expect(standalone('opening.every-morning', week)).toMatchObject({ status: 'compliant', measured: 4, required: 4 });
  });

  it('records the minutes inside the window per day as evidence', () => {
    const finding = standalone('opening.every-morning', aWeek().openWeekdays('08:00', '12:00').closed('wed').build());
    expect(finding.evidence.days).toContainEqual(expect.objectContaining({ weekday: 'mon', minutesInWindow: 240, qualifies: true }));
    expect(finding.evidence.days).toContainEqual(expect.objectContaining({ weekday: 'wed', minutesInWindow: 0, qualifies: false }));
  });
});

describe('access on at least one afternoon (section 2, 13:00–20:00 for at least 1.5 hours)', () => {
  const mornings = () => aWeek().openWeekdays('08:00', '12:00');

  it.each([
    ['an afternoon of exactly 1.5 hours is compliant', '14:00', '15:30', 'compliant'],
    ['an afternoon of 1 hour 29 minutes is not compliant', '14:00', '15:29', 'non_compliant'],
    ['an opening 12:00–14:29 has only 89 minutes of afternoon', '12:00', '14:29', 'non_compliant'],
  ])('%s', (_name, from, to, status) => {
    expect(standalone('opening.afternoon', mornings().open('thu', from, to).build()).status).toBe(status);
  });

  it('a week without any afternoon says how many days are missing', () => {
    const finding = standalone('opening.afternoon', mornings().build());
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 0, required: 1 });
    expect(finding.message).toBe(
      'An 0 von 5 Werktagen besteht eine Öffnung von mindestens 1,5 Std. zwischen 13:00 und 20:00 Uhr; erforderlich ist mindestens 1 Tag. Es fehlt 1 weiterer Tag; in Frage kommen Montag, Dienstag, Mittwoch, Donnerstag, Freitag.',
    );
  });

  it('a Saturday afternoon does not count', () => {
    expect(standalone('opening.afternoon', mornings().open('sat', '13:00', '17:00').build()).status).toBe('non_compliant');
  });
});

describe('an afternoon for working people (section 2, open until at least 17:30)', () => {
  const mornings = () => aWeek().openWeekdays('08:00', '12:00');

  it.each([
    ['open until exactly 17:30 is compliant', '14:00', '17:30', 'compliant'],
    ['open until 17:29 is not compliant', '14:00', '17:29', 'non_compliant'],
    ['open until 18:00 is compliant', '16:30', '18:00', 'compliant'],
    ['open until 17:30 but for only 1 hour is not compliant', '16:30', '17:30', 'non_compliant'],
  ])('%s', (_name, from, to, status) => {
    expect(standalone('opening.afternoon-for-working-people', mornings().open('thu', from, to).build()).status).toBe(status);
  });

  it('names the day that qualifies', () => {
    const finding = standalone('opening.afternoon-for-working-people', mornings().open('thu', '14:00', '18:00').build());
    expect(finding.message).toBe(
      'An 1 von 5 Werktagen (Donnerstag) besteht eine Öffnung von mindestens 1,5 Std. zwischen 13:00 und 20:00 Uhr, die bis mindestens 17:30 Uhr reicht; erforderlich ist mindestens 1 Tag.',
    );
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
      'An 2 von 5 Werktagen (Montag und Dienstag) besteht eine Öffnung von mindestens 2,0 Std. zwischen 07:00 und 13:00 Uhr; erforderlich sind mindestens 3 Tage. Es fehlt 1 weiterer Tag; in Frage kommen Mittwoch, Donnerstag, Freitag.',
    );
  });

  it('in a week with three public holidays two mornings suffice', () => {
    const week = aWeek()
      .open(['mon', 'tue'], '08:00', '12:00')
      .holiday('wed', 'Feiertag A')
      .holiday('thu', 'Feiertag B')
      .holiday('fri', 'Feiertag C')
      .build();
    expect(minor(week)).toMatchObject({ status: 'compliant', measured: 2, required: 2 });
  });

  it('in a week with one public holiday three mornings are still required', () => {
    const week = aWeek().open(['mon', 'tue'], '08:00', '12:00').holiday('fri', 'Karfreitag').build();
    expect(minor(week)).toMatchObject({ status: 'non_compliant', measured: 2, required: 3 });
  });

  it('does not apply to a standalone office', () => {
    expect(minor(aWeek().build(), 'standalone').status).toBe('not_applicable');
  });
});
