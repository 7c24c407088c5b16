import { Inject, Injectable } from '@nestjs/common';
import { canAccessOffice, type Principal } from '../auth/principal';
import { dateProblem } from '../calendar';
import { CLOCK, type Clock } from '../common/clock';
import { DomainError, type ErrorDetail } from '../common/domain-error';
import type { OpenRoundDto } from './dto/open-round.dto';
import { generateCode, generateLinkKey, hashCode, normaliseCode } from './participation-code';
import { answersByLink } from './questionnaire';
import { QuestionnaireCatalog } from './questionnaire-catalog.service';
import { berlinDay, germanDate } from './survey-clock';
import { SurveyRoundRepository, type SurveyRound } from './survey-round.repository';
import { toRoundView, type RoundView } from './survey-round.view';

export interface OpenedRound {
  round: RoundView;
  /** Staff rounds: the one-time codes per office, shown once (only their hashes are stored). */
  codes: Record<string, string[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DEFAULT_MINIMUM_GROUP_SIZE = 5;
const MAX_DAYS = 366;

/** Opening, listing and closing survey rounds, and issuing codes: the coordination office's side. */
@Injectable()
export class SurveyRoundsService {
  constructor(
    private readonly rounds: SurveyRoundRepository,
    private readonly catalog: QuestionnaireCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  today(): string {
    return berlinDay(this.clock);
  }

  async open(principal: Principal, dto: OpenRoundDto, options: { allowPast?: boolean } = {}): Promise<OpenedRound> {
    const problems: ErrorDetail[] = [];
    const questionnaire = this.catalog.all.find((q) => q.id === dto.questionnaireId);
    if (!questionnaire) problems.push({ field: 'questionnaireId', message: `Einen Fragebogen „${dto.questionnaireId}“ gibt es nicht (vorhanden: ${this.catalog.all.map((q) => q.id).join(', ')}).` });
    for (const [field, value] of [['from', dto.from], ['to', dto.to]] as const) {
      const problem = dateProblem(value);
      if (problem) problems.push({ field, message: problem });
    }
    if (problems.length === 0) {
      if (dto.to < dto.from) problems.push({ field: 'to', message: 'darf nicht vor dem ersten Tag der Befragung liegen' });
      else if ((Date.parse(dto.to) - Date.parse(dto.from)) / 86_400_000 >= MAX_DAYS) problems.push({ field: 'to', message: 'Eine Befragung dauert höchstens ein Jahr.' });
      else if (!options.allowPast && dto.to < this.today()) problems.push({ field: 'to', message: 'liegt in der Vergangenheit: Eine Befragung muss noch Antworten annehmen können.' });
    }
    const unique = [...new Set(dto.offices)];
    if (unique.length !== dto.offices.length) problems.push({ field: 'offices', message: 'Eine Regionalstelle ist doppelt genannt.' });
    const minimumGroupSize = dto.minimumGroupSize ?? DEFAULT_MINIMUM_GROUP_SIZE;
    if (questionnaire && answersByLink(questionnaire.audience) && dto.codesPerOffice !== undefined) {
      problems.push({ field: 'codesPerOffice', message: 'Diese Befragung wird über einen öffentlichen Link beantwortet, nicht mit Codes.' });
    }
    if (questionnaire && !answersByLink(questionnaire.audience)) {
      if (dto.codesPerOffice === undefined) problems.push({ field: 'codesPerOffice', message: 'Bitte angeben, wie viele Einmal-Codes je Regionalstelle gedruckt werden sollen.' });
      else if (dto.codesPerOffice < minimumGroupSize) {
        problems.push({ field: 'codesPerOffice', message: `Mit weniger Codes als der Mindestgröße der Gruppe (${minimumGroupSize}) kann es für eine Regionalstelle keine Ergebnisse geben.` });
      }
    }
    if (problems.length) throw DomainError.validation(problems);

    return this.rounds.transaction(async (db) => {
      const known = await this.rounds.knownOffices(db, unique);
      const missing = unique.filter((id) => !known.some((k) => k.id === id));
      if (missing.length) {
        throw DomainError.validation(missing.map((id) => ({ field: `offices[${dto.offices.indexOf(id)}]`, message: `Die Regionalstelle „${id}“ ist nicht bekannt.` })));
      }
      const title = dto.title?.trim() || `${questionnaire!.title}, ${germanDate(dto.from)}–${germanDate(dto.to)}`;
      const round = await this.rounds.insertRound(db, { questionnaire: questionnaire!, title, from: dto.from, to: dto.to, minimumGroupSize, createdBy: principal.tokenId });
      const codes: Record<string, string[]> = {};
      for (const officeId of unique) {
        await this.rounds.insertOffice(db, round.id, officeId, answersByLink(questionnaire!.audience) ? generateLinkKey() : null);
        if (!answersByLink(questionnaire!.audience)) {
          codes[officeId] = uniqueCodes(dto.codesPerOffice!);
          await this.rounds.insertCodes(db, round.id, officeId, codes[officeId].map((c) => hashCode(normaliseCode(c)!)));
        }
      }
      return { round: toRoundView(round, await this.rounds.offices(round.id, db), this.today()), codes };
    });
  }

  async list(principal: Principal): Promise<RoundView[]> {
    const scope = principal.role === 'coordination' ? undefined : principal.officeIds;
    const rounds = await this.rounds.list(scope);
    const today = this.today();
    const views: RoundView[] = [];
    for (const round of rounds) views.push(toRoundView(round, this.scoped(principal, await this.rounds.offices(round.id)), today));
    return views;
  }

  async show(principal: Principal, id: string): Promise<RoundView> {
    const round = await this.roundFor(principal, id);
    return toRoundView(round, this.scoped(principal, await this.rounds.offices(round.id)), this.today());
  }

  async close(principal: Principal, id: string): Promise<RoundView> {
    const round = await this.roundFor(principal, id);
    if (round.closedAt) throw new DomainError('conflict', 'Diese Befragung ist bereits beendet.');
    if (round.to < this.today()) throw new DomainError('conflict', `Diese Befragung ist bereits am ${germanDate(round.to)} zu Ende gegangen.`);
    await this.rounds.close(round.id, principal.tokenId);
    return this.show(principal, id);
  }

  /** More one-time codes for an office of a staff round (e.g. for new colleagues, or a lost sheet). */
  async issueCodes(principal: Principal, id: string, officeId: string, count: number): Promise<{ officeId: string; officeName: string; codes: string[] }> {
    const round = await this.roundFor(principal, id);
    if (answersByLink(round.audience)) throw new DomainError('conflict', 'Diese Befragung wird über einen öffentlichen Link beantwortet; Codes gibt es nur für Befragungen der Mitarbeitenden.');
    if (round.closedAt || round.to < this.today()) throw new DomainError('conflict', 'Diese Befragung ist beendet; neue Codes wären nutzlos.');
    const office = (await this.rounds.offices(round.id)).find((o) => o.officeId === officeId);
    if (!office) throw DomainError.validation([{ field: 'officeId', message: `Die Regionalstelle „${officeId}“ gehört nicht zu dieser Befragung.` }]);
    const codes = uniqueCodes(count);
    await this.rounds.transaction((db) => this.rounds.insertCodes(db, round.id, officeId, codes.map((c) => hashCode(normaliseCode(c)!))));
    return { officeId, officeName: office.officeName, codes };
  }

  /** The round if it exists and the principal may see it (a regional office: only rounds covering one of its offices). */
  async roundFor(principal: Principal, id: string): Promise<SurveyRound> {
    const round = UUID.test(id) ? await this.rounds.get(id) : undefined;
    if (!round) throw DomainError.notFound('Diese Befragung gibt es nicht.');
    if (principal.role !== 'coordination') {
      const offices = await this.rounds.offices(round.id);
      if (!offices.some((o) => canAccessOffice(principal, o.officeId))) throw DomainError.forbidden('Diese Befragung betrifft keine Ihrer Regionalstellen.');
    }
    return round;
  }

  scoped<T extends { officeId: string }>(principal: Principal, offices: T[]): T[] {
    return offices.filter((o) => canAccessOffice(principal, o.officeId));
  }
}

/** Fresh codes; a repeat within the batch (65 bits: practically never) is drawn again. */
function uniqueCodes(count: number): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateCode());
  return [...codes];
}
