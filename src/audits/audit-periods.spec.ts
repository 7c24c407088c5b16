import { nightlyPeriods, periodsWithin } from './audit-periods';

describe('audit periods', () => {
  it('judges the complete weeks and months inside a range', () => {
    expect(periodsWithin('2026-11-01', '2026-11-30').map((p) => p.id)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-11']);
  });

  it('leaves out a week cut by the range and a month not complete', () => {
    expect(periodsWithin('2026-11-04', '2026-11-24').map((p) => p.id)).toEqual(['2026-W46', '2026-W47']);
  });

  it('judges across a year end with its 53rd ISO week', () => {
    expect(periodsWithin('2026-12-28', '2027-01-10').map((p) => p.id)).toEqual(['2026-W53', '2027-W01']);
  });

  it('has nothing to judge in a range shorter than a week', () => {
    expect(periodsWithin('2026-11-24', '2026-11-26')).toEqual([]);
  });

  it('lets the nightly audit judge the latest complete week and month', () => {
    expect(nightlyPeriods('2026-11-23')).toMatchObject({ from: '2026-10-01', to: '2026-11-23', periods: [{ id: '2026-W47' }, { id: '2026-10' }] });
    // Sunday closes the week; the last day of a month closes the month.
    expect(nightlyPeriods('2026-11-29').periods.map((p) => p.id)).toEqual(['2026-W48', '2026-10']);
    expect(nightlyPeriods('2026-11-30').periods.map((p) => p.id)).toEqual(['2026-W48', '2026-11']);
  });
});
