import { evaluate } from './evaluate';
import { officeFacts } from './testing/facts.factory';
import { realCatalog } from './testing/standards-files.fixture';
import { aWeek } from './testing/week.factory';
import { OFFICE_ROLES } from './types';

describe('evaluate', () => {
  const catalog = realCatalog();

  it('returns one finding per rule in catalog order, stamped with catalog version and period', () => {
    const findings = evaluate(catalog, officeFacts('standalone'), { period: 'regular-week' });
    expect(findings.map((f) => f.ruleId)).toEqual(catalog.rules.map((r) => r.id));
    expect(findings.every((f) => f.catalogVersion === '2026.1' && f.period === 'regular-week')).toBe(true);
  });

  it('never reports compliance without facts', () => {
    const findings = evaluate(catalog, officeFacts('standalone'));
    expect(findings.map((f) => f.status)).not.toContain('compliant');
  });

  it.each(OFFICE_ROLES)('marks rules that do not apply to a %s as not applicable', (role) => {
    for (const finding of evaluate(catalog, officeFacts(role))) {
      const rule = catalog.rules.find((r) => r.id === finding.ruleId)!;
      if (!rule.appliesTo.includes(role)) {
        expect(finding).toMatchObject({ status: 'not_applicable', measured: null, required: null });
        expect(finding.message).toContain('gilt nicht für die Regionalstelle office-1');
      }
    }
  });

  it('a tandem minor is judged only by the tandem rules', () => {
    const findings = evaluate(catalog, officeFacts('tandem-minor', { openingWeek: aWeek().openWeekdays('08:00', '12:00').build() }));
    const applicable = findings.filter((f) => f.status !== 'not_applicable').map((f) => f.ruleId);
    expect(applicable).toEqual(['tandem.minor-mornings', 'tandem.seat-access']);
  });

  it('evaluates only the requested rules', () => {
    const findings = evaluate(catalog, officeFacts('standalone'), { ruleIds: ['opening.afternoon', 'opening.weekly-minimum'] });
    expect(findings.map((f) => f.ruleId)).toEqual(['opening.weekly-minimum', 'opening.afternoon']);
  });

  it('carries citation, obligation and the parameter values into the finding', () => {
    const [finding] = evaluate(catalog, officeFacts('standalone', { openingWeek: aWeek().build() }), { ruleIds: ['opening.weekly-minimum'] });
    expect(finding.citation).toEqual({ section: '2', passage: 'Es ist eine Mindestöffnungszeit von 21,5 Stunden pro Woche zu gewährleisten.' });
    expect(finding.obligation).toBe('must');
    expect(finding.evidence.params).toEqual({ minimumHours: 21.5, proRataForExcusedWeekdays: true });
  });

  it('a well-run standalone office is compliant with every opening rule', () => {
    const week = aWeek().openWeekdays('08:00', '12:30').open('thu', '14:00', '18:00').build();
    const findings = evaluate(catalog, officeFacts('standalone', { openingWeek: week }), {
      ruleIds: catalog.rules.filter((r) => r.id.startsWith('opening.')).map((r) => r.id),
    });
    expect(findings.map((f) => [f.ruleId, f.status])).toEqual(findings.map((f) => [f.ruleId, 'compliant']));
  });
});
