import { dueDate, firstPeriodAfter, nextPeriod, periodOf } from './verification-period';

describe('the period that verifies a measure', () => {
  it.each([
    ['a measure done on a Monday is proven by the following week', '2026-11-16', 'week', '2026-W48'],
    ['done on a Sunday, the next week already counts', '2026-11-22', 'week', '2026-W48'],
    ['done on a Wednesday', '2026-11-18', 'week', '2026-W48'],
    ['across the turn of the year into week 53', '2026-12-23', 'week', '2026-W53'],
    ['week 53 is followed by week 1', '2027-01-01', 'week', '2027-W01'],
    ['a monthly rule: the next calendar month', '2026-11-01', 'month', '2026-12'],
    ['done on the last day of a month', '2026-11-30', 'month', '2026-12'],
    ['done in December', '2026-12-15', 'month', '2027-01'],
  ] as const)('%s', (_label, done, kind, expected) => {
    expect(firstPeriodAfter(done, kind).id).toBe(expected);
  });

  it('steps to the next period of the same kind', () => {
    expect(nextPeriod('2026-W48').id).toBe('2026-W49');
    expect(nextPeriod('2026-W53').id).toBe('2027-W01');
    expect(nextPeriod('2026-12').id).toBe('2027-01');
  });

  it('knows where a period begins and ends', () => {
    expect(periodOf('2026-W48')).toEqual({ kind: 'week', id: '2026-W48', from: '2026-11-23', to: '2026-11-29' });
    expect(periodOf('2026-02')).toMatchObject({ kind: 'month', from: '2026-02-01', to: '2026-02-28' });
  });

  it('counts due dates in whole weeks, across the change to winter time', () => {
    expect(dueDate('2026-10-20', 4)).toBe('2026-11-17');
    expect(dueDate('2026-11-30', 8)).toBe('2027-01-25');
  });
});
