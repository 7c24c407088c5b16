import type { AppliedDeviation } from '../engine';
import { pickApplied } from './deviation-selection';

const agreed = (id: string, validFrom: string, validUntil: string | null, ruleId = 'opening.weekly-minimum'): AppliedDeviation => ({
  id,
  ruleId,
  kind: 'waiver',
  reason: 'Erprobung',
  validFrom,
  validUntil,
});
const ids = (list: AppliedDeviation[]) => list.map((d) => d.id);

// 2027-07-05 is a Monday; week 2027-W27 runs from 07-05 to 07-11.
describe('which agreed deviation governs a judged period', () => {
  it.each([
    ['covering the whole week', '2027-07-01', '2027-08-31', true],
    ['from Wednesday: 3 of 5 working days', '2027-07-07', null, true],
    ['from Thursday: 2 of 5 working days stay with the standard', '2027-07-08', null, false],
    ['until Wednesday', '2027-06-01', '2027-07-07', true],
    ['until Tuesday', '2027-06-01', '2027-07-06', false],
    ['only the weekend', '2027-07-10', '2027-07-11', false],
    ['ending the day before', '2027-06-01', '2027-07-04', false],
    ['starting the day after', '2027-07-12', null, false],
  ])('a deviation %s', (_label, from, until, applies) => {
    expect(ids(pickApplied([agreed('a', from, until)], '2027-07-05', '2027-07-11'))).toEqual(applies ? ['a'] : []);
  });

  it('of two deviations the one in effect on more working days wins', () => {
    const list = [agreed('until-tue', '2027-06-01', '2027-07-06'), agreed('from-wed', '2027-07-07', null)];
    expect(ids(pickApplied(list, '2027-07-05', '2027-07-11'))).toEqual(['from-wed']);
  });

  it('a tie between deviations goes to the later start', () => {
    // 2027-07 has 22 working days; a month judged with two deviations of 11 each.
    const list = [agreed('first-half', '2027-06-01', '2027-07-15'), agreed('second-half', '2027-07-16', null)];
    expect(ids(pickApplied(list, '2027-07-01', '2027-07-31'))).toEqual(['second-half']);
  });

  it('a tie with the standard goes to the standard', () => {
    // Mon–Tue and Wed–Thu: the deviations tie (the later start wins), the standard keeps only Friday.
    const list = [agreed('a', '2027-07-05', '2027-07-06'), agreed('b', '2027-07-07', '2027-07-08')];
    expect(ids(pickApplied(list, '2027-07-05', '2027-07-11'))).toEqual(['b']);
    // Standard 2 days (Thu, Fri), deviation 2 days (Mon, Tue), another 1 day (Wed): the standard ties and keeps the week.
    const tied = [agreed('c', '2027-07-05', '2027-07-06'), agreed('d', '2027-07-07', '2027-07-07')];
    expect(ids(pickApplied(tied, '2027-07-05', '2027-07-11'))).toEqual([]);
  });

  it('judges each rule on its own', () => {
    const list = [agreed('w', '2027-01-01', null), agreed('a', '2027-07-08', null, 'opening.afternoon')];
    expect(ids(pickApplied(list, '2027-07-05', '2027-07-11'))).toEqual(['w']);
  });

  it('counts every day of a period without working days', () => {
    expect(ids(pickApplied([agreed('sat', '2027-07-10', '2027-07-10')], '2027-07-10', '2027-07-10'))).toEqual(['sat']);
    expect(ids(pickApplied([agreed('sun', '2027-07-11', null)], '2027-07-10', '2027-07-11'))).toEqual([]);
  });

  it('handles an open-ended period of centuries without walking it day by day', () => {
    expect(ids(pickApplied([agreed('long', '2027-01-01', null)], '2027-01-01', '9999-12-31'))).toEqual(['long']);
  });
});
