import { Injectable } from '@nestjs/common';
import { assertOfficeAccess, type Principal } from '../auth/principal';
import { DomainError, type ErrorDetail } from '../common/domain-error';
import type { DeviationSummary } from '../deviations/deviation.view';
import type { Finding, WeekSchedule } from '../engine';
import { JudgingService } from '../judging/judging.service';
import { PrecheckCache } from '../judging/precheck-cache';
import type { Office } from '../offices/office.entity';
import { OfficesService } from '../offices/offices.service';
import type { ScheduleSubmissionDto } from './dto/schedule-submission.dto';
import { overrideWarnings, parseOpeningHours } from './opening-hours.parser';
import { ScheduleRepository } from './schedule.repository';
import { toView, type ScheduleVersionView } from './schedule-version.view';
import { dateProblem } from '../calendar';
import { CatalogVersionRepository } from '../standards/catalog-version.repository';
import { storedWeek, weekFromDto, type StoredWeek } from './week-input';

/**
 * The answer of POST /api/v1/schedules/check, built in one place (SchedulesService.check). The
 * findings are those of the rules a schedule can answer (JUDGEMENTS.scheduleCheck): no hotline, no
 * working time, no district rule.
 */
export interface ScheduleCheckResult {
  compliant: boolean;
  catalogVersion: string;
  findings: Finding[];
  /** Proposed deviations (section 6) for this office and period still awaiting consent: listed, never applied. */
  pendingDeviations: DeviationSummary[];
}

/** The pre-check also says how it read the plan: the week as judged (HH:MM, Mon–Sat) and German warnings. */
export interface ScheduleCheckView extends ScheduleCheckResult {
  week: StoredWeek;
  warnings: string[];
}

interface PreparedSchedule {
  office: Office;
  week: WeekSchedule;
  result: ScheduleCheckResult;
}

@Injectable()
export class SchedulesService {
  constructor(
    private readonly offices: OfficesService,
    private readonly repo: ScheduleRepository,
    private readonly judging: JudgingService,
    private readonly precheck: PrecheckCache,
    private readonly catalogVersions: CatalogVersionRepository,
  ) {}

  async check(principal: Principal, dto: ScheduleSubmissionDto): Promise<ScheduleCheckView> {
    const prepared = await this.prepare(principal, dto);
    const warnings = dto.openingHours !== undefined ? overrideWarnings(dto.openingHours) : [];
    return { ...prepared.result, week: storedWeek(prepared.week), warnings };
  }

  /** Stores a new immutable version, compliant or not: the monitor records reality, it does not gatekeep. */
  async submit(principal: Principal, dto: ScheduleSubmissionDto): Promise<ScheduleVersionView & Pick<ScheduleCheckResult, 'pendingDeviations'>> {
    const prepared = await this.prepare(principal, dto);
    const row = await this.repo.insert({
      officeId: prepared.office.id,
      validFrom: dto.validFrom,
      validUntil: dto.validUntil ?? null,
      week: storedWeek(prepared.week),
      openingHours: dto.openingHours?.trim() ?? null,
      submittedBy: principal.tokenId,
      catalogVersion: prepared.result.catalogVersion,
      compliant: prepared.result.compliant,
      findings: prepared.result.findings,
    });
    // A stored verdict was judged by its version: from now on that version is history (issue 15).
    await this.catalogVersions.markJudged([row.catalog_version]);
    return { ...toView(row), pendingDeviations: prepared.result.pendingDeviations };
  }

  async history(principal: Principal, officeId: string): Promise<ScheduleVersionView[]> {
    await this.offices.getFor(principal, officeId);
    return (await this.repo.history(officeId)).map(toView);
  }

  async inForce(principal: Principal, officeId: string, date: string): Promise<ScheduleVersionView> {
    await this.offices.getFor(principal, officeId);
    const row = await this.repo.inForce(officeId, date);
    if (!row) throw DomainError.notFound(`Für die Regionalstelle „${officeId}“ ist am ${date} kein Öffnungszeitenplan in Kraft.`);
    return toView(row);
  }

  private async prepare(principal: Principal, dto: ScheduleSubmissionDto): Promise<PreparedSchedule> {
    assertOfficeAccess(principal, dto.officeId);
    const errors: ErrorDetail[] = [];
    const office = await this.precheck.office(dto.officeId);
    if (!office) errors.push({ field: 'officeId', message: `Die Regionalstelle „${dto.officeId}“ ist nicht bekannt.` });
    const fromProblem = dateProblem(dto.validFrom);
    if (fromProblem) errors.push({ field: 'validFrom', message: fromProblem });
    if (dto.validUntil != null) {
      const untilProblem = dateProblem(dto.validUntil);
      if (untilProblem) errors.push({ field: 'validUntil', message: untilProblem });
      else if (!fromProblem && dto.validUntil < dto.validFrom) errors.push({ field: 'validUntil', message: 'darf nicht vor dem Beginn (validFrom) liegen' });
    }

    let week: WeekSchedule | undefined;
    if (dto.week && dto.openingHours !== undefined) {
      errors.push({ field: 'openingHours', message: 'Bitte entweder week oder openingHours angeben, nicht beides.' });
    } else if (!dto.week && dto.openingHours === undefined) {
      errors.push({ field: 'week', message: 'Bitte die Öffnungszeiten angeben: entweder week oder openingHours.' });
    } else if (dto.week) {
      const parsed = weekFromDto(dto.week);
      errors.push(...parsed.errors);
      week = parsed.week;
    } else {
      const parsed = parseOpeningHours(dto.openingHours!);
      if (!parsed.ok) errors.push({ field: 'openingHours', message: parsed.error });
      else if (parsed.week.sun.length > 0) errors.push({ field: 'openingHours', message: 'Sonntagsöffnungen sieht der Wochenplan nicht vor (Montag bis Samstag).' });
      else week = parsed.week;
    }
    if (errors.length > 0 || !office || !week) throw DomainError.validation(errors);

    const judged = await this.judging.judgeSchedule(office, week, { validFrom: dto.validFrom, validUntil: dto.validUntil ?? null });
    return {
      office,
      week,
      result: { compliant: judged.compliant, catalogVersion: judged.catalogVersion, findings: judged.findings, pendingDeviations: judged.pendingDeviations },
    };
  }
}
