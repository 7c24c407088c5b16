import { Injectable } from '@nestjs/common';
import { assertOfficeAccess, type Principal } from '../auth/principal';
import { DomainError, type ErrorDetail } from '../common/domain-error';
import type { DeviationSummary } from '../deviations/deviation.view';
import { DeviationsService } from '../deviations/deviations.service';
import { isCompliant } from '../engine/compliance-summary';
import { evaluate, regularOpeningWeek, type Facts, type Finding, type WeekSchedule } from '../engine';
import type { Office } from '../offices/office.entity';
import { OfficesService } from '../offices/offices.service';
import { CatalogService } from '../standards/catalog.service';
import type { ScheduleSubmissionDto } from './dto/schedule-submission.dto';
import { overrideWarnings, parseOpeningHours } from './opening-hours.parser';
import { ScheduleRepository } from './schedule.repository';
import { toView, type ScheduleVersionView } from './schedule-version.view';
import { dateProblem } from '../calendar';
import { storedWeek, weekFromDto, weekFromStored, type StoredWeek } from './week-input';

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
    private readonly catalog: CatalogService,
    private readonly repo: ScheduleRepository,
    private readonly deviations: DeviationsService,
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

  /** The week in force for an office on a day, as the engine reads it (undefined: none known). */
  async weekInForce(officeId: string, date: string): Promise<{ id: string; week: WeekSchedule } | undefined> {
    const row = await this.repo.inForce(officeId, date);
    return row ? { id: row.id, week: weekFromStored(row.week as StoredWeek) } : undefined;
  }

  private async prepare(principal: Principal, dto: ScheduleSubmissionDto): Promise<PreparedSchedule> {
    assertOfficeAccess(principal, dto.officeId);
    const errors: ErrorDetail[] = [];
    const office = await this.offices.get(dto.officeId).catch(() => undefined);
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

    const catalog = this.catalog.catalog;
    const facts: Facts = {
      office: { id: office.id, role: office.role, seatId: office.seatId ?? undefined },
      openingWeek: regularOpeningWeek(week, ['submitted-schedule']),
    };
    if (office.role === 'tandem-minor' && office.seatId) {
      // section 2: on days without access at the minor location, access must be possible at the seat;
      // judged against the seat's schedule in force when the minor's schedule takes effect.
      const seat = await this.weekInForce(office.seatId, dto.validFrom);
      if (seat) facts.seatOpeningWeek = regularOpeningWeek(seat.week, [`schedule:${seat.id}`]);
    }
    // Section 6: deviations agreed for this office apply when they govern the schedule's validity
    // (open end: the day it takes effect); proposals awaiting consent are only listed.
    const deviations = await this.deviations.forPeriod(office.id, dto.validFrom, dto.validUntil ?? dto.validFrom);
    const findings = evaluate(catalog, facts, { period: 'regular-week', deviations: deviations.applied });
    return {
      office,
      week,
      result: { compliant: isCompliant(findings), catalogVersion: catalog.version, findings, pendingDeviations: deviations.pending },
    };
  }
}
