import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { DateTime } from 'luxon';
import { assertOfficeAccess, type Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { isoWeekDates, LocalCalendar } from '../calendar';
import { evaluate, type CheckKind, type Finding } from '../engine';
import { isCompliant } from '../engine/compliance-summary';
import type { Office } from '../offices/office.entity';
import { OfficesService } from '../offices/offices.service';
import { DeviationsService } from '../deviations/deviations.service';
import { CatalogService } from '../standards/catalog.service';
import type { ComplianceReport } from './compliance-report';
import { EvidenceBundle, holidayOn } from './evidence-bundle';
import { weekPeriod, weeksOfMonth, type JudgementPeriod } from './judgement-period';
import { JudgingFactsRepository } from './judging-facts.repository';
import { ZONE } from './real-week.facts';

/** Check kinds judged per calendar month ("Arbeitszeit" is a monthly figure); all others per week. */
const MONTHLY_CHECKS: ReadonlySet<CheckKind> = new Set<CheckKind>(['time-share']);

/** Offices whose evidence is held in memory at once; bounds memory however many offices there are. */
const OFFICES_PER_CHUNK = 25;

export type FindingsSink = (office: Office, period: JudgementPeriod, findings: Finding[]) => Promise<void> | void;

/**
 * Judges real calendar weeks and months: gathers what happened (schedule versions in force per day,
 * closures, hotline coverage, monthly time aggregates computed in SQL), adds the NRW holiday calendar,
 * and hands plain facts to the pure engine. The API (one office) and audits (many) use this one path.
 */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly offices: OfficesService,
    private readonly catalog: CatalogService,
    private readonly facts: JudgingFactsRepository,
    private readonly deviations: DeviationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async judgeFor(principal: Principal, officeId: string, period: JudgementPeriod): Promise<ComplianceReport> {
    assertOfficeAccess(principal, officeId);
    const { version, validFrom } = this.catalog.catalog;
    if (period.to < validFrom) {
      throw DomainError.validation([{ field: period.kind, message: `Der Regelkatalog ${version} gilt ab ${validFrom}; frühere Zeiträume werden nicht nach ihm beurteilt.` }]);
    }
    return this.judge(await this.offices.get(officeId), period);
  }

  /** A week, or a month with its monthly rules and the weekly rules of each week in it. */
  async judge(office: Office, period: JudgementPeriod): Promise<ComplianceReport> {
    const weeks = period.kind === 'week' ? [period.id] : weeksOfMonth(period.id);
    const units = period.kind === 'week' ? [period] : [period, ...weeks.map(weekPeriod)];
    const findings: Finding[] = [];
    await this.judgeMany([office], units, (_o, _p, f) => void findings.push(...f));
    const { pending } = await this.deviations.forPeriod(office.id, period.from, period.to);
    return {
      officeId: office.id,
      officeName: office.name,
      period,
      weeks: period.kind === 'month' ? weeks : [],
      complete: period.to < DateTime.fromJSDate(this.clock(), { zone: ZONE }).toISODate()!,
      catalogVersion: this.catalog.catalog.version,
      compliant: isCompliant(findings),
      holidays: weeks.flatMap((w) => isoWeekDates(w).slice(0, 5)).flatMap((date) => {
        const name = holidayOn(date);
        return name ? [{ date, name }] : [];
      }),
      findings,
      pendingDeviations: pending,
    };
  }

  /**
   * Judges each office over each period (weeks: the weekly rules; months: the monthly rules only),
   * handing the findings to the sink office by office. Evidence is read per chunk of offices with
   * one query per kind, so the number of queries does not grow with the number of periods.
   */
  async judgeMany(offices: Office[], periods: JudgementPeriod[], sink: FindingsSink): Promise<void> {
    if (offices.length === 0 || periods.length === 0) return;
    const range = coveringRange(periods);
    // Days and weeks of the range, computed once for all chunks (bounded by the range).
    const calendar = new LocalCalendar(range.from, range.to);
    for (let i = 0; i < offices.length; i += OFFICES_PER_CHUNK) {
      const chunk = offices.slice(i, i + OFFICES_PER_CHUNK);
      const bundle = await this.load(chunk, range, calendar);
      for (const office of chunk) {
        for (const period of periods) {
          const monthly = period.kind === 'month';
          const context = { period: period.id, ruleIds: this.ruleIds(monthly), deviations: bundle.deviationsFor(office.id, period) };
          await sink(office, period, evaluate(this.catalog.catalog, bundle.facts(office, period), context));
        }
      }
    }
  }

  private async load(offices: Office[], range: { from: string; to: string }, calendar: LocalCalendar): Promise<EvidenceBundle> {
    // A tandem minor is judged against its seat's opening, so the seat's evidence is read with it.
    const ids = [...new Set(offices.flatMap((o) => (o.seatId ? [o.id, o.seatId] : [o.id])))];
    const start = DateTime.fromISO(range.from, { zone: ZONE }).startOf('day');
    const endExclusive = DateTime.fromISO(range.to, { zone: ZONE }).plus({ days: 1 }).startOf('day');
    return new EvidenceBundle({
      versions: await this.facts.scheduleVersions(ids, range.from, range.to),
      closures: await this.facts.closures(ids, range.from, range.to),
      hotline: await this.facts.hotline(ids, start.toJSDate(), endExclusive.toJSDate()),
      officerMonths: await this.facts.officerMonths(ids, range.from, endExclusive.toISODate()!),
      deviations: await this.deviations.agreedByOffice(offices.map((o) => o.id), range.from, range.to),
    }, calendar);
  }

  private ruleIds(monthly: boolean): string[] {
    return this.catalog.catalog.rules.filter((r) => MONTHLY_CHECKS.has(r.check) === monthly).map((r) => r.id);
  }
}

function coveringRange(periods: JudgementPeriod[]): { from: string; to: string } {
  let from = periods[0].from;
  let to = periods[0].to;
  for (const p of periods) {
    if (p.from < from) from = p.from;
    if (p.to > to) to = p.to;
  }
  return { from, to };
}
