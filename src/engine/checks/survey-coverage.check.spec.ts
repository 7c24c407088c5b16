import { evaluateDistrict } from '../evaluate';
import { realCatalog } from '../testing/standards-files.fixture';
import type { DistrictOfficeFacts, OfficeRole, SurveyAnswerMonth } from '../types';
import { monthsBefore } from './survey-coverage.check';

const NAMES: Record<string, [string, OfficeRole]> = {
  witten: ['Witten', 'standalone'],
  hattingen: ['Hattingen', 'standalone'],
  ennepetal: ['Ennepetal', 'tandem-seat'],
  breckerfeld: ['Breckerfeld', 'tandem-minor'],
};
const customers = (roundId: string, month: string, answers: number, questionnaireId = 'kundinnen-und-kunden'): SurveyAnswerMonth => ({
  audience: 'customers',
  questionnaireId,
  roundId,
  roundTitle: `Runde ${roundId}`,
  month,
  answers,
});
const staff = (roundId: string, month: string, answers: number, questionnaireId = 'mitarbeitende'): SurveyAnswerMonth => ({
  ...customers(roundId, month, answers, questionnaireId),
  audience: 'staff',
});
const district = (answers: Record<string, SurveyAnswerMonth[]>): DistrictOfficeFacts[] =>
  Object.keys(NAMES).map((id) => ({ id, name: NAMES[id][0], role: NAMES[id][1], surveyAnswers: answers[id] ?? [] }));
const judge = (answers: Record<string, SurveyAnswerMonth[]>, period = '2026-11') => {
  const findings = evaluateDistrict(realCatalog(), { offices: district(answers) }, { period });
  return Object.fromEntries(findings.filter((f) => f.ruleId.startsWith('satisfaction.')).map((f) => [f.ruleId, f]));
};
const everyOffice = (row: (id: string) => SurveyAnswerMonth) => Object.fromEntries(Object.keys(NAMES).map((id) => [id, [row(id)]]));

describe('regular surveys of customers and staff (sections 1.1 and 3)', () => {
  it('is judged once a month for the district, as a should rule, with the twelve months up to the judged one', () => {
    const f = judge(everyOffice(() => customers('r1', '2025-12', 3)));
    expect(f['satisfaction.customer-survey']).toMatchObject({ status: 'compliant', obligation: 'should', measured: 4, required: 4, period: '2026-11' });
    expect(f['satisfaction.customer-survey'].message).toBe('Von Dezember 2025 bis November 2026 hat jede der 4 Regionalstellen mindestens eine Befragung der Kundinnen und Kunden mit Antworten („Runde r1“).');
    expect(f['satisfaction.customer-survey'].evidence.window).toEqual({ from: '2025-12', to: '2026-11' });
  });

  it('no longer counts a round whose last answer is thirteen months old (November 2025 for November 2026)', () => {
    const f = judge(everyOffice(() => customers('r1', '2025-11', 30)));
    expect(f['satisfaction.customer-survey'].status).toBe('non_compliant');
    expect(f['satisfaction.customer-survey'].message).toContain('In diesem Dienst wurde in diesem Zeitraum keine Befragung der Kundinnen und Kunden durchgeführt');
  });

  it('counts a round spread over the turn of the year once per office, and does not count answers after the judged month', () => {
    const answers = everyOffice(() => customers('r1', '2026-12', 5));
    answers.witten.push(customers('r1', '2026-10', 1));
    const f = judge(answers);
    expect(f['satisfaction.customer-survey']).toMatchObject({ status: 'non_compliant', measured: 1, required: 4 });
    expect(f['satisfaction.customer-survey'].message).toMatch(/fehlt mindestens eine Befragung der Kundinnen und Kunden mit Antworten für die Regionalstellen Hattingen, Ennepetal und Breckerfeld\./);
  });

  it('needs every office, the smaller tandem locations too, and names the one without answers', () => {
    const answers = everyOffice(() => customers('r1', '2026-06', 2));
    answers.breckerfeld = [];
    const f = judge(answers);
    expect(f['satisfaction.customer-survey']).toMatchObject({ status: 'non_compliant', measured: 3, required: 4 });
    expect(f['satisfaction.customer-survey'].message).toContain('für die Regionalstelle Breckerfeld.');
    expect(f['satisfaction.customer-survey'].message).toContain('Eine neue Befragungsrunde, die diese Regionalstelle einschließt, schließt die Lücke.');
  });

  it('keeps customers and staff apart, and does not count the self-assessment as a staff satisfaction survey', () => {
    const f = judge(everyOffice(() => customers('r1', '2026-06', 2)));
    expect(f['satisfaction.staff-survey'].status).toBe('non_compliant');
    const selfAssessment = judge(everyOffice(() => staff('s1', '2026-06', 8, 'selbstbewertung-beispiel')));
    expect(selfAssessment['satisfaction.staff-survey'].status).toBe('non_compliant');
    const satisfaction = judge(everyOffice(() => staff('s2', '2026-06', 8)));
    expect(satisfaction['satisfaction.staff-survey']).toMatchObject({ status: 'compliant', measured: 4 });
    expect(satisfaction['satisfaction.customer-survey'].status).toBe('non_compliant');
  });

  it('has no verdict for a week: it is a monthly rule', () => {
    const findings = evaluateDistrict(realCatalog(), { offices: district({}) }, { period: '2026-W45', ruleIds: ['satisfaction.staff-survey'] });
    expect(findings[0]).toMatchObject({ status: 'insufficient_data' });
  });

  it('counts months back across years', () => {
    expect(monthsBefore('2026-11', 11)).toBe('2025-12');
    expect(monthsBefore('2026-01', 1)).toBe('2025-12');
    expect(monthsBefore('2026-01', 0)).toBe('2026-01');
    expect(monthsBefore('2026-12', 35)).toBe('2024-01');
  });
});
