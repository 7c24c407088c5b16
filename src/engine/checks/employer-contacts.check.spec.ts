import { applyParamOverride } from '../catalog.parser';
import { officeFacts } from '../testing/facts.factory';
import { realCatalog } from '../testing/standards-files.fixture';
import { judge } from '../testing/judge';
import type { EmployerAssignmentFact } from '../types';

const RULE = 'employer-contact.fixed';
const month = (period: string, assignments: EmployerAssignmentFact[]) =>
  judge(RULE, officeFacts('standalone', { employerAssignments: { assignments, sources: ['employer-assignments'] } }), { period });
const a = (employer: string, contact: string, from: string, until: string | null = null, role: EmployerAssignmentFact['role'] = 'placement'): EmployerAssignmentFact => ({
  employer,
  contact,
  role,
  from,
  until,
});

/**
 * Worked by hand (May and June 2026, three-month look-back):
 *   U-1 c1 since January: fixed.
 *   U-2 c1 until 31.05., c2 from 01.06.: a change on 01.06.
 *   U-3 f1, a specialist adviser, since March: not a placement officer.
 *   U-4 c1 since February, c2 also assigned 14.05.–20.05. (from Ascension Day): two contacts at once.
 *   May (Mar–May): 4 employers, none changed (0 %), but U-4 twice and U-3 by another function → not met.
 *   June (Apr–Jun): 1 of 4 changed (25 %) → not met; without U-3/U-4 problems still not met at 0 %.
 */
const register = [
  a('U-1', 'c1', '2026-01-01'),
  a('U-2', 'c1', '2026-01-01', '2026-05-31'),
  a('U-2', 'c2', '2026-06-01'),
  a('U-3', 'f1', '2026-03-01', null, 'specialist_advice'),
  a('U-4', 'c1', '2026-02-01'),
  a('U-4', 'c2', '2026-05-14', '2026-05-20'),
];

describe('a fixed and uniform contact from the placement officers for every employer (section 4.2)', () => {
  it('May 2026: two contacts at once and a contact from specialist advice are reported', () => {
    const finding = month('2026-05', register);
    expect(finding).toMatchObject({ status: 'non_compliant', obligation: 'should', measured: 0, required: 0, unit: '%' });
    expect(finding.message).toContain('1 Unternehmen hatte zugleich zwei Ansprechpersonen (U-4 ab 14.05.2026)');
    expect(finding.message).toContain('1 Unternehmen wird nicht von der Arbeitsvermittlung betreut, sondern von Fachberatung (U-3)');
    expect(finding.evidence).toMatchObject({ employerCount: 4, employersChanged: 0, employersWithTwoContacts: 1, employersWithOtherRole: 1 });
    expect(finding.message).not.toMatch(/c1|c2|f1/);
  });

  it('June 2026: one of four employers changed contact (25 %) against 0 % allowed', () => {
    const finding = month('2026-06', register);
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 25, required: 0 });
    expect(finding.message).toContain('bei 1 von 4 Unternehmen (25,0 %) wechselte die Ansprechperson (U-2)');
  });

  it('is met when every employer keeps one placement officer', () => {
    const finding = month('2026-06', [a('U-1', 'c1', '2026-01-01'), a('U-2', 'c2', '2026-04-01')]);
    expect(finding).toMatchObject({ status: 'compliant', measured: 0 });
  });

  it('a handover on consecutive days is a change, not two contacts at once', () => {
    const finding = month('2026-06', [a('U-2', 'c1', '2026-01-01', '2026-05-31'), a('U-2', 'c2', '2026-06-01')]);
    expect(finding.evidence).toMatchObject({ employersChanged: 1, employersWithTwoContacts: 0 });
  });

  it('a change before the look-back no longer counts; one on its first day does', () => {
    // April–June 2026: a change on 31.03. lies before, one on 01.04. inside.
    expect(month('2026-06', [a('U-2', 'c1', '2026-01-01', '2026-03-30'), a('U-2', 'c2', '2026-03-31')]).status).toBe('compliant');
    expect(month('2026-06', [a('U-2', 'c1', '2026-01-01', '2026-03-31'), a('U-2', 'c2', '2026-04-01')]).status).toBe('non_compliant');
  });

  it('the share is a parameter: exactly at the threshold is met', () => {
    const catalog = realCatalogWith(25);
    const facts = officeFacts('standalone', { employerAssignments: { assignments: register.filter((r) => r.employer !== 'U-3' && r.employer !== 'U-4').concat([a('U-3', 'c3', '2026-01-01'), a('U-4', 'c4', '2026-01-01')]), sources: [] } });
    expect(judge(RULE, facts, { period: '2026-06' }, catalog)).toMatchObject({ status: 'compliant', measured: 25, required: 25 });
  });

  it('gives no verdict without any assignment in the look-back', () => {
    expect(month('2026-06', [a('U-1', 'c1', '2025-01-01', '2026-03-31')])).toMatchObject({ status: 'insufficient_data' });
  });
});

function realCatalogWith(maximumChangedPercent: number) {
  const catalog = realCatalog();
  return { ...catalog, rules: catalog.rules.map((r) => (r.id === RULE ? applyParamOverride(r, { maximumChangedPercent }) : r)) };
}
