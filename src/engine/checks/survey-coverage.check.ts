import type { DistrictCheckDefinition } from './check-definition';
import { insufficientData } from './outcomes';
import { joinGerman } from '../time';
import type { DistrictOfficeFacts, SurveyAnswerMonth } from '../types';
import { AUDIENCE_LABELS, periodLabel, type SurveyAudience } from '../vocabulary';

const UNIT = 'Regionalstellen';
const AUDIENCES: readonly SurveyAudience[] = ['staff', 'customers', 'employers'];
/** The judging path reads this many months of survey answers before a judged month (see judging.service.ts). */
export const SURVEY_LOOK_BACK_MONTHS = 36;

/**
 * Sections 1.1 and 3: the leadership develops, with the regional offices, instruments that observe
 * the satisfaction of customers and of staff ("z.B. regelmäßige Befragungen"). Judged once per month
 * over the district from the survey rounds held in this service: every office the rule names must
 * be covered by at least `minimumRounds` rounds of the audience with at least `minimumAnswers`
 * answers from that office within the `windowMonths` months ending with the judged month.
 *
 * Only rounds held here count: a survey run on paper elsewhere is not known to the service, and the
 * finding says so rather than guessing.
 */
export const surveyCoverageCheck: DistrictCheckDefinition = {
  kind: 'survey-coverage',
  unit: UNIT,
  needs: ['surveys'],
  cadence: 'month',
  scope: 'district',
  params: {
    audience: { type: 'string', required: true },
    /** Comma-separated questionnaire ids (config/surveys) whose rounds count. */
    questionnaires: { type: 'string', required: true },
    windowMonths: { type: 'number', required: true, integer: true, min: 1, max: SURVEY_LOOK_BACK_MONTHS },
    minimumRounds: { type: 'number', required: false, default: 1, integer: true, min: 1, max: 12 },
    minimumAnswers: { type: 'number', required: false, default: 1, integer: true, min: 1, max: 1000 },
  },
  validate(params) {
    const audience = params.string('audience');
    return (AUDIENCES as readonly string[]).includes(audience) ? [] : [`audience muss staff, customers oder employers sein, nicht '${audience}'`];
  },
  evaluate(facts, params, context) {
    const audience = params.string('audience') as SurveyAudience;
    const windowMonths = params.number('windowMonths');
    const minimumRounds = params.number('minimumRounds');
    const minimumAnswers = params.number('minimumAnswers');
    const questionnaires = new Set(params.string('questionnaires').split(',').map((q) => q.trim()).filter(Boolean));
    const month = context.period && /^\d{4}-\d{2}$/.test(context.period) ? context.period : undefined;
    const who = `der ${AUDIENCE_LABELS[audience]}`;
    if (!month) return insufficientData(UNIT, `Befragungen ${who} werden je Kalendermonat beurteilt; für diesen Zeitraum gibt es kein Urteil.`);
    const offices = facts.offices;
    if (offices.length === 0) return insufficientData(UNIT, 'Es sind keine Regionalstellen bekannt, die eine Befragung abdecken müsste.');

    const first = monthsBefore(month, windowMonths - 1);
    const window = `${periodLabel(first)} bis ${periodLabel(month)}`;
    const per = offices.map((office) => ({ office, rounds: roundsCovering(office, { audience, questionnaires, first, last: month, minimumAnswers }) }));
    const covered = per.filter((p) => p.rounds.length >= minimumRounds);
    const missing = per.filter((p) => p.rounds.length < minimumRounds);
    const rounds = [...new Map(per.flatMap((p) => p.rounds).map((r) => [r.roundId, r.roundTitle])).entries()].map(([id, title]) => ({ id, title }));
    const evidence: Record<string, unknown> = {
      audience,
      window: { from: first, to: month },
      rounds,
      offices: per.map((p) => ({ id: p.office.id, name: p.office.name, rounds: p.rounds.length })),
    };
    const sources = rounds.map((r) => `survey-round:${r.id}`);
    const need = `${minimumRounds === 1 ? 'mindestens eine Befragung' : `mindestens ${minimumRounds} Befragungen`} ${who}${minimumAnswers > 1 ? ` mit je mindestens ${minimumAnswers} Antworten` : ' mit Antworten'}`;
    if (missing.length === 0) {
      return {
        status: 'compliant',
        measured: covered.length,
        required: offices.length,
        unit: UNIT,
        message: `Von ${window} hat jede der ${offices.length} Regionalstellen ${need} (${joinGerman(rounds.map((r) => `„${r.title}“`))}).`,
        evidence,
        sources,
      };
    }
    const held = rounds.length === 0 ? ` In diesem Dienst wurde in diesem Zeitraum keine Befragung ${who} durchgeführt; Befragungen außerhalb des Dienstes sind hier nicht bekannt.` : '';
    return {
      status: 'non_compliant',
      measured: covered.length,
      required: offices.length,
      unit: UNIT,
      message:
        `Von ${window} fehlt ${need} für ${missing.length === 1 ? 'die Regionalstelle' : 'die Regionalstellen'} ${joinGerman(missing.map((p) => p.office.name))}.${held} ` +
        `Eine neue Befragungsrunde, die ${missing.length === 1 ? 'diese Regionalstelle' : 'diese Regionalstellen'} einschließt, schließt die Lücke.`,
      evidence,
      sources,
    };
  },
};

/** The rounds of the audience and questionnaires with at least `minimumAnswers` answers of the office in the months [first, last]. */
function roundsCovering(
  office: DistrictOfficeFacts,
  q: { audience: SurveyAudience; questionnaires: ReadonlySet<string>; first: string; last: string; minimumAnswers: number },
): SurveyAnswerMonth[] {
  const { first, last, minimumAnswers } = q;
  const byRound = new Map<string, SurveyAnswerMonth>();
  for (const row of office.surveyAnswers ?? []) {
    if (row.audience !== q.audience || !q.questionnaires.has(row.questionnaireId) || row.month < first || row.month > last) continue;
    const seen = byRound.get(row.roundId);
    byRound.set(row.roundId, seen ? { ...seen, answers: seen.answers + row.answers } : { ...row });
  }
  return [...byRound.values()].filter((r) => r.answers >= minimumAnswers).sort((a, b) => a.roundId.localeCompare(b.roundId));
}

/** 'YYYY-MM' minus n months. */
export function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
