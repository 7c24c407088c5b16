import { evaluate } from './evaluate';
import { officeFacts } from './testing/facts.factory';
import { judge } from './testing/judge';
import { realCatalog } from './testing/standards-files.fixture';
import { aWeek } from './testing/week.factory';
import type { AppliedDeviation, FindingStatus } from './types';

const RULE = 'opening.weekly-minimum';

const agreed = (over: Partial<AppliedDeviation> = {}): AppliedDeviation => ({
  id: 'dev-1',
  ruleId: RULE,
  kind: 'parameters',
  params: { minimumHours: 18 },
  reason: 'Sommererprobung',
  validFrom: '2027-07-01',
  validUntil: '2027-08-31',
  ...over,
});
const waiver = agreed({ kind: 'waiver', params: undefined, reason: 'Umbau der Räume' });
const relaxed = agreed({ params: { minimumHours: 18 } });
const stricter = agreed({ params: { minimumHours: 25 }, reason: 'Erprobung längerer Öffnung' });

/** Mon–Fri 08:00 until the given time: '12:00' → 20 h, '12:24' → 22 h, '13:18' → 26.5 h. */
const weekClosingAt = (closing: string) => officeFacts('standalone', { openingWeek: aWeek().openWeekdays('08:00', closing).build() });

describe('deviations agreed under section 6 change the verdict of their rule', () => {
  it.each<[string, string, AppliedDeviation | undefined, FindingStatus, number]>([
    ['20 h fall short of the standard', '12:00', undefined, 'non_compliant', 21.5],
    ['20 h meet a relaxed 18 h', '12:00', relaxed, 'compliant', 18],
    ['20 h are waived', '12:00', waiver, 'waived', 21.5],
    ['22 h meet the standard', '12:24', undefined, 'compliant', 21.5],
    ['22 h fall short of a stricter 25 h', '12:24', stricter, 'non_compliant', 25],
    ['26.5 h meet a stricter 25 h', '13:18', stricter, 'compliant', 25],
  ])('%s', (_name, closing, deviation, status, required) => {
    const finding = judge(RULE, weekClosingAt(closing), { deviations: deviation ? [deviation] : [] });
    expect(finding).toMatchObject({ status, required });
  });

  it('a waived finding still shows what was measured and what the standard requires', () => {
    const finding = judge(RULE, weekClosingAt('12:00'), { deviations: [waiver] });
    expect(finding).toMatchObject({ status: 'waived', measured: 20, required: 21.5 });
    expect(finding.message).toContain('Abschnitt 6');
    // People tell deviations apart by validity and reason, never by an id.
    expect(finding.message).toContain('Abweichung (gültig vom 01.07.2027 bis 31.08.2027) ausgesetzt (Begründung: Umbau der Räume)');
    expect(finding.message).not.toContain('dev-1');
    expect(finding.message).toContain('Umbau der Räume');
    expect(finding.standard).toEqual({
      required: 21.5,
      params: { minimumHours: 21.5, creditHolidays: true },
      status: 'non_compliant',
    });
    expect(finding.deviation).toEqual({ id: 'dev-1', kind: 'waiver', reason: 'Umbau der Räume' });
  });

  it('a finding judged with other parameters names the deviation and keeps the standard beside it', () => {
    const finding = judge(RULE, weekClosingAt('12:24'), { deviations: [stricter] });
    expect(finding.deviation).toEqual({ id: 'dev-1', kind: 'parameters', params: { minimumHours: 25 }, reason: 'Erprobung längerer Öffnung' });
    expect(finding.standard).toMatchObject({ required: 21.5, params: { minimumHours: 21.5 }, status: 'compliant' });
    expect(finding.evidence.params).toEqual({ minimumHours: 25, creditHolidays: true });
    expect(finding.message).toContain('unter dem Mindestwert von 25,0 Std.');
    expect(finding.message).toContain('Abweichung (gültig vom 01.07.2027 bis 31.08.2027): Mindestöffnungszeit je Woche 25 Std. statt 21,5 Std. (Begründung: Erprobung längerer Öffnung).');
  });

  it('names a parameter the standard leaves at its default', () => {
    const finding = judge(RULE, weekClosingAt('12:24'), { deviations: [agreed({ params: { creditHolidays: false } })] });
    expect(finding.message).toContain('Feiertage nach Öffnungsplan anrechnen nein statt ja');
  });

  it('findings without a deviation carry neither deviation nor standard', () => {
    const findings = evaluate(realCatalog(), weekClosingAt('12:00'), { deviations: [waiver] });
    for (const finding of findings.filter((f) => f.ruleId !== RULE)) {
      expect('deviation' in finding).toBe(false);
      expect('standard' in finding).toBe(false);
    }
    expect(findings.find((f) => f.ruleId === RULE)!.status).toBe('waived');
  });

  it('a rule that does not apply to the office stays not applicable, without deviation', () => {
    const facts = officeFacts('tandem-minor', { openingWeek: aWeek().openWeekdays('08:00', '12:00').build() });
    const finding = judge(RULE, facts, { deviations: [waiver] });
    expect(finding.status).toBe('not_applicable');
    expect(finding.deviation).toBeUndefined();
  });

  it('does not change the catalog it judges', () => {
    const catalog = realCatalog();
    const before = JSON.stringify(catalog);
    evaluate(catalog, weekClosingAt('12:00'), { deviations: [stricter] });
    expect(JSON.stringify(catalog)).toBe(before);
  });

  it('refuses two deviations for one rule, whose order would decide the verdict', () => {
    expect(() => judge(RULE, weekClosingAt('12:00'), { deviations: [relaxed, agreed({ id: 'dev-2' })] })).toThrow(/two deviations/);
  });
});
