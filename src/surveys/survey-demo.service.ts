import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { CLOCK, type Clock } from '../common/clock';
import { validateAnswer, type AnswerValues } from './answer-validation';
import { generateBallot, hashCode, normaliseCode } from './participation-code';
import { ratingItems, textItems, type Questionnaire } from './questionnaire';
import { QuestionnaireCatalog } from './questionnaire-catalog.service';
import { berlinDay } from './survey-clock';
import { SurveyAnswerRepository } from './survey-answer.repository';
import { SurveyRoundRepository } from './survey-round.repository';
import { SurveyActionsService } from './survey-actions.service';
import { SurveyRoundsService } from './survey-rounds.service';

/** How a demo round answers: field id → [actual mean, importance mean]; the rest is seeded noise. */
interface DemoProfile {
  questionnaireId: string;
  title: string;
  /** Days before today: first and last day of the period. */
  daysAgo: [number, number];
  answersPerOffice: (officeId: string, k: number) => number;
  fields: Record<string, [number, number]>;
  comments: string[];
}

const SMALL_OFFICES = ['breckerfeld', 'sprockhoevel'];

/** The demo round whose largest gap becomes a corrective action, and the measure the coordination office plans for it. */
export const ACTION_ROUND_TITLE = 'Mitarbeiterbefragung';
const DEMO_MEASURE = 'Arbeitsplätze und Technik mit der IT begehen; Mängelliste je Regionalstelle bis zur nächsten Befragung abarbeiten.';

const PROFILES: DemoProfile[] = [
  {
    questionnaireId: 'mitarbeitende',
    title: 'Mitarbeiterbefragung (Vorjahr)',
    daysAgo: [400, 372],
    answersPerOffice: (id, k) => (SMALL_OFFICES.includes(id) ? 3 : 6 + (k % 4)),
    fields: { aufgaben: [3.6, 4.4], zusammenarbeit: [3.9, 4.5], vorgesetzte: [3.0, 4.6], bedingungen: [2.6, 4.5], entwicklung: [2.9, 4.3], gesamt: [3.4, 0] },
    comments: ['Die Technik fällt zu oft aus.', 'Mehr Zeit für Einarbeitung neuer Kolleginnen und Kollegen.', 'Teambesprechungen regelmäßiger ansetzen.'],
  },
  {
    questionnaireId: 'mitarbeitende',
    title: 'Mitarbeiterbefragung',
    daysAgo: [60, 32],
    answersPerOffice: (id, k) => (SMALL_OFFICES.includes(id) ? 3 : 7 + (k % 4)),
    fields: { aufgaben: [3.7, 4.4], zusammenarbeit: [4.0, 4.5], vorgesetzte: [3.5, 4.6], bedingungen: [2.4, 4.6], entwicklung: [3.2, 4.3], gesamt: [3.5, 0] },
    comments: ['Das neue Fachverfahren bremst die Beratung.', 'Die Rückmeldegespräche helfen sehr.', 'Mehr Fortbildung zum Unternehmensservice.', 'Ruhigere Räume für vertrauliche Gespräche.'],
  },
  {
    questionnaireId: 'kundinnen-und-kunden',
    title: 'Kundenbefragung am Empfang',
    daysAgo: [45, 16],
    answersPerOffice: (id, k) => (SMALL_OFFICES.includes(id) ? 4 : 7 + (k % 5)),
    fields: { zugang: [3.1, 4.6], beratung: [4.2, 4.7], ergebnis: [3.6, 4.5] },
    comments: ['Die Wartezeit war zu lang.', 'Sehr freundliche Beratung, danke!', 'Ein Termin am Abend wäre gut.'],
  },
  {
    questionnaireId: 'selbstbewertung-beispiel',
    title: 'Selbstbewertung (Beispiel)',
    daysAgo: [100, 80],
    answersPerOffice: (id, k) => (SMALL_OFFICES.includes(id) ? 3 : 5 + (k % 3)),
    fields: { fuehrung: [3.4, 4.5], strategie: [2.9, 4.1], personal: [3.1, 4.6], ressourcen: [2.7, 4.4], prozesse: [2.8, 4.7] },
    comments: ['Die Übergabe zwischen Leistung und Vermittlung klarer regeln.', 'Beschwerden systematisch auswerten.'],
  },
];

/**
 * Demo mode: one completed round of each shipped questionnaire (two of the staff survey, so that the
 * comparison with the previous round shows), answered through the same repository path as real
 * answers: codes marked used, ballots consumed, answers shuffled. The two small tandem locations
 * stay below the minimum group size, so the pages show how hidden groups look.
 */
@Injectable()
export class SurveyDemoService {
  private readonly logger = new Logger('SurveyDemo');

  constructor(
    private readonly catalog: QuestionnaireCatalog,
    private readonly roundsService: SurveyRoundsService,
    private readonly rounds: SurveyRoundRepository,
    private readonly answers: SurveyAnswerRepository,
    private readonly actions: SurveyActionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Seeds the rounds into a database that has none; true when it did. */
  async seedIfEmpty(principal: Principal): Promise<boolean> {
    if ((await this.rounds.list()).length > 0) return false;
    const officeIds = await this.rounds.allOfficeIds();
    let total = 0;
    const roundIds = new Map<string, string>();
    for (const profile of PROFILES) {
      const questionnaire = this.catalog.all.find((q) => q.id === profile.questionnaireId);
      if (!questionnaire) continue; // the job centre replaced the example questionnaire
      const seeded = await this.seedRound(principal, questionnaire, profile, officeIds);
      roundIds.set(profile.title, seeded.roundId);
      total += seeded.answers;
    }
    // From gaps to actions: the coordination office turns the latest staff round's largest gap in the district into an action.
    const latest = roundIds.get(ACTION_ROUND_TITLE);
    const action = latest ? await this.actions.openForLargestGap(principal, latest, DEMO_MEASURE) : null;
    this.logger.log({ msg: 'demo surveys seeded', rounds: PROFILES.length, answers: total, actionFromLargestGap: action?.title ?? null });
    return true;
  }

  private async seedRound(principal: Principal, q: Questionnaire, profile: DemoProfile, officeIds: string[]): Promise<{ roundId: string; answers: number }> {
    const from = berlinDay(this.clock, -profile.daysAgo[0]);
    const to = berlinDay(this.clock, -profile.daysAgo[1]);
    const counts = new Map(officeIds.map((id, k) => [id, profile.answersPerOffice(id, k)]));
    const byLink = q.audience !== 'staff';
    const opened = await this.roundsService.open(
      principal,
      { questionnaireId: q.id, title: profile.title, offices: officeIds, from, to, codesPerOffice: byLink ? undefined : Math.max(...counts.values()) + 4 },
      { allowPast: true },
    );
    const random = seeded(`${q.id}:${profile.title}`);
    const span = profile.daysAgo[0] - profile.daysAgo[1];
    let n = 0;
    for (const officeId of officeIds) {
      const batch: Parameters<SurveyAnswerRepository['submitMany']>[2] = [];
      for (let k = 0; k < counts.get(officeId)!; k++) {
        const day = berlinDay(this.clock, -profile.daysAgo[0] + Math.floor(random() * (span + 1)));
        const values = demoAnswer(q, profile, random);
        if (byLink) {
          const { hash } = generateBallot();
          await this.rounds.insertBallot(hash, opened.round.id, officeId, to);
          batch.push({ day, values, pass: { kind: 'ballot', hash, today: day } });
        } else {
          batch.push({ day, values, pass: { kind: 'code', hash: hashCode(normaliseCode(opened.codes[officeId][k])!) } });
        }
      }
      await this.answers.submitMany(opened.round.id, officeId, batch);
      n += batch.length;
    }
    return { roundId: opened.round.id, answers: n };
  }
}

function demoAnswer(q: Questionnaire, profile: DemoProfile, random: () => number): AnswerValues {
  const pick = (mean: number, steps: number) => Math.min(steps, Math.max(1, Math.round(mean + (random() - 0.5) * 2.4)));
  const ratings: Record<string, number> = {};
  const importance: Record<string, number> = {};
  for (const item of ratingItems(q)) {
    const [actual, important] = profile.fields[item.fieldId] ?? [3, 4];
    const steps = q.scales[item.scale].labels.length;
    if (random() < 0.04) continue; // "keine Angabe"
    ratings[item.id] = pick(actual, steps);
    if (item.importance && important > 0) importance[item.id] = pick(important, steps);
  }
  const comments: Record<string, string> = {};
  const text = textItems(q)[0];
  if (text && random() < 0.35) comments[text.id] = profile.comments[Math.floor(random() * profile.comments.length)];
  const { values, problems } = validateAnswer(q, { ratings, importance, comments });
  if (problems.length) throw new Error(`demo answer invalid: ${JSON.stringify(problems)}`);
  return values;
}

/** A small deterministic generator (mulberry32), so that the demo looks the same on every machine. */
function seeded(text: string): () => number {
  let a = [...text].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
