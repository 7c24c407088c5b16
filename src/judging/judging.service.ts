import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { assertOfficeAccess, type Principal } from '../auth/principal';
import { CLOCK, type Clock } from '../common/clock';
import { Slices } from '../common/time-slices';
import type { DatabaseTarget } from '../database/database-target';
import { DATABASE_TARGET } from '../database/database.module';
import { DomainError } from '../common/domain-error';
import { isoWeekDates, LocalCalendar } from '../calendar';
import type { DeviationSummary } from '../deviations/deviation.view';
import { DeviationsService } from '../deviations/deviations.service';
import {
  evaluate,
  evaluateDistrict,
  JUDGEMENTS,
  regularOpeningWeek,
  ruleTraits,
  selectRules,
  SURVEY_LOOK_BACK_MONTHS,
  type Catalog,
  type Facts,
  type Finding,
  type Need,
  type RuleSelection,
  type WeekSchedule,
} from '../engine';
import { isCompliant } from '../engine/compliance-summary';
import { MAX_WINDOW_MONTHS } from '../engine/checks/register-days';
import type { Office } from '../offices/office.entity';
import { OfficesService } from '../offices/offices.service';
import { CatalogService } from '../standards/catalog.service';
import type { ComplianceReport } from './compliance-report';
import { EvidenceBundle, groupBy, holidayOn, type LoadedEvidence } from './evidence-bundle';
import { weekPeriod, weeksOfMonth, type JudgementPeriod } from './judgement-period';
import { JudgingFactsRepository } from './judging-facts.repository';
import { ZONE } from './real-week.facts';
import { PrecheckCache } from './precheck-cache';
import { weekFromStored } from './stored-week';

/**
 * Office-days of evidence held in memory at once (25 offices over a year): bounds memory however
 * many offices there are. A short range (the nightly run's month) takes more offices per chunk, and
 * so fewer round trips, for the same memory.
 */
const OFFICE_DAYS_PER_CHUNK = 25 * 366;

/**
 * Chunks whose weeks may be judged while the officer months are still being read (server): their
 * evidence and week findings wait in memory (about 10 000 findings, some 50 MB, per chunk over a year).
 */
const CHUNKS_JUDGED_AHEAD = 3;

export type FindingsSink = (office: Office, period: JudgementPeriod, findings: Finding[]) => Promise<void> | void;
export type DistrictFindingsSink = (period: JudgementPeriod, findings: Finding[]) => Promise<void> | void;

/** The verdict on a submitted weekly schedule (the pre-check, and the findings stored with a version). */
export interface ScheduleJudgement {
  compliant: boolean;
  catalogVersion: string;
  findings: Finding[];
  /** Proposed deviations (section 6) for this office and period still awaiting consent: listed, never applied. */
  pendingDeviations: DeviationSummary[];
}

/**
 * The one judging path: facts for office(s) and period(s) → engine → findings. The schedule
 * pre-check, a real week or month (API), audit runs and the CLI (through audits) all come here;
 * which rules each judges comes from the engine (JUDGEMENTS: what each check kind declares about
 * its needs, cadence and scope), never from a list kept here. Evidence is read with SQL for many
 * offices at once (JudgingFactsRepository), the NRW holiday calendar is added, and the pure engine
 * decides.
 */
@Injectable()
export class JudgingService {
  /** Office-days per chunk (OFFICE_DAYS_PER_CHUNK); tests make it small to judge few offices in many chunks. */
  officeDaysPerChunk = OFFICE_DAYS_PER_CHUNK;

  constructor(
    private readonly offices: OfficesService,
    private readonly catalog: CatalogService,
    private readonly facts: JudgingFactsRepository,
    private readonly deviations: DeviationsService,
    private readonly precheck: PrecheckCache,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DATABASE_TARGET) private readonly database: Pick<DatabaseTarget, 'embedded'>,
  ) {}

  /** GET /api/v1/offices/:id/compliance: one office, a real week or month. */
  async judgeFor(principal: Principal, officeId: string, period: JudgementPeriod): Promise<ComplianceReport> {
    assertOfficeAccess(principal, officeId);
    if (!this.catalog.forPeriod(period)) {
      const { version, validFrom } = this.catalog.versions[0];
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
      catalogVersion: (this.catalog.forPeriod(period) ?? this.catalog.catalog).version,
      compliant: isCompliant(findings),
      // Monday to Saturday: a Saturday holiday is credited like any other (catalog: creditHolidays).
      holidays: weeks.flatMap((w) => isoWeekDates(w).slice(0, 6)).flatMap((date) => {
        const name = holidayOn(date);
        return name ? [{ date, name }] : [];
      }),
      findings,
      pendingDeviations: pending,
    };
  }

  /**
   * Judges each office over each period (weeks: the weekly office rules; months: the monthly office
   * rules), handing the findings to the sink office by office. Each period is judged by the catalog
   * version in force on its first day (issue 15); a period no version covers is left out. Evidence
   * is read per chunk of offices with one query per kind the rules need, so the number of queries
   * does not grow with the number of periods.
   */
  async judgeMany(offices: Office[], periods: JudgementPeriod[], sink: FindingsSink): Promise<void> {
    const judged = this.withCatalogs(periods, (p) => (p.kind === 'week' ? JUDGEMENTS.officeWeek : JUDGEMENTS.officeMonth));
    if (offices.length === 0 || judged.length === 0) return;
    periods = judged.map((j) => j.period);
    const needs = new Set<Need>(judged.flatMap((j) => [...j.selection.needs]));
    const range = coveringRange(periods);
    // Days and weeks of the range, computed once for all chunks (bounded by the range).
    const calendar = new LocalCalendar(range.from, range.to);
    const names = await this.officeNames();
    const chunks: Office[][] = [];
    const perChunk = Math.max(1, Math.floor(this.officeDaysPerChunk / (DateTime.fromISO(range.to).diff(DateTime.fromISO(range.from), 'days').days + 1)));
    for (let i = 0; i < offices.length; i += perChunk) chunks.push(offices.slice(i, i + perChunk));

    // The officer months are the costliest read (every time record of the range). On a server they
    // come from one statement for every office, on a connection of its own, while the weeks of the
    // first chunks are judged ahead; the embedded database runs in this thread, where one long
    // statement would block the event loop for seconds, so there each chunk reads its own.
    const allMonths = needs.has('time-records') && !this.database.embedded && chunks.length > 1 ? this.officerMonthsOf(offices, range) : undefined;
    let monthsRead = allMonths === undefined;
    allMonths?.then(
      () => (monthsRead = true),
      () => (monthsRead = true),
    );
    const chunkNeeds = allMonths ? new Set([...needs].filter((n) => n !== 'time-records')) : needs;

    // The next chunk's evidence is read while this one is judged: on a server the reads (its CPU)
    // and the judging (this process's) overlap; memory holds at most two chunks (plus those judged
    // ahead). A read that fails is reported when its chunk is reached (or dropped with the judging's own error).
    const loadChunk = (k: number) => {
      const loading = this.load(chunks[k], range, calendar, chunkNeeds, names);
      loading.catch(() => undefined);
      return loading;
    };
    const judgeOne = (bundle: EvidenceBundle, office: Office, { period, catalog, selection }: (typeof judged)[number]) =>
      evaluate(catalog, bundle.facts(office, period, selection.needs), { period: period.id, ruleIds: selection.ruleIds, deviations: bundle.deviationsFor(office.id, period) });
    // Findings reach the sink office by office, each office's periods in order, whichever was judged first.
    // Judging is synchronous: it hands the event loop back every few milliseconds, so that requests
    // (and the replies of the reads and writes in flight) are not held up for the length of a chunk.
    const slices = new Slices();
    const emit = async (chunk: Office[], bundle: EvidenceBundle, early?: Map<string, Finding[]>) => {
      if (allMonths) bundle.useOfficerMonths(await allMonths);
      for (const office of chunk) {
        for (const j of judged) {
          await sink(office, j.period, early?.get(`${office.id}\u0000${j.period.id}`) ?? judgeOne(bundle, office, j));
          await slices.pause();
        }
      }
    };

    const ahead: Array<{ chunk: Office[]; bundle: EvidenceBundle; early: Map<string, Finding[]> }> = [];
    let next = loadChunk(0);
    for (let k = 0; k < chunks.length; k++) {
      const chunk = chunks[k];
      const bundle = await next;
      if (k + 1 < chunks.length) next = loadChunk(k + 1);
      if (!monthsRead && ahead.length < CHUNKS_JUDGED_AHEAD) {
        // The weeks need no officer months: judge them now, keep their findings until the months are read.
        const early = new Map<string, Finding[]>();
        for (const office of chunk) {
          for (const j of judged) {
            if (j.period.kind !== 'week') continue;
            early.set(`${office.id}\u0000${j.period.id}`, judgeOne(bundle, office, j));
            await slices.pause();
          }
        }
        ahead.push({ chunk, bundle, early });
        continue;
      }
      for (const a of ahead.splice(0)) await emit(a.chunk, a.bundle, a.early);
      await emit(chunk, bundle);
    }
    for (const a of ahead.splice(0)) await emit(a.chunk, a.bundle, a.early);
  }

  /** The officer months of these offices (and their seats) in one statement, by office. */
  private async officerMonthsOf(offices: Office[], range: { from: string; to: string }) {
    const ids = [...new Set(offices.flatMap((o) => (o.seatId ? [o.id, o.seatId] : [o.id])))];
    const endExclusive = DateTime.fromISO(range.to, { zone: ZONE }).plus({ days: 1 }).toISODate()!;
    return groupBy(await this.facts.officerMonths(ids, range.from, endExclusive));
  }

  /**
   * Judges the district rules (scope 'district', e.g. the common core of opening hours) once per
   * period over all offices. Periods without district rules of their cadence give no findings.
   */
  async judgeDistrict(periods: JudgementPeriod[], sink: DistrictFindingsSink): Promise<void> {
    const judged = this.withCatalogs(periods, (p) => (p.kind === 'week' ? JUDGEMENTS.districtWeek : JUDGEMENTS.districtMonth)).filter(
      (p) => p.selection.ruleIds.length > 0,
    );
    if (judged.length === 0) return;
    const offices = await this.offices.all();
    const range = coveringRange(judged.map((p) => p.period));
    const calendar = new LocalCalendar(range.from, range.to);
    const needs = new Set<Need>(judged.flatMap((p) => [...p.selection.needs]));
    const bundle = await this.load(offices, range, calendar, needs, await this.officeNames(offices), false);
    // A year's district periods over every office took ~0.4 s in one go: hand the event loop back between them.
    const slices = new Slices();
    for (const { period, catalog, selection } of judged) {
      const facts = {
        offices: offices.map((office) => bundle.districtOffice(office, period)),
        ...(selection.needs.has('practice-meetings') ? { practiceMeetings: bundle.practiceMeetings(period) } : {}),
      };
      await sink(period, evaluateDistrict(catalog, facts, { period: period.id, ruleIds: selection.ruleIds }));
      await slices.pause();
    }
  }

  /**
   * The pre-check of a weekly schedule (and the verdict stored with a submitted version): only the
   * rules a schedule can answer. A tandem minor is judged against its seat's schedule in force on
   * the day the new schedule takes effect; deviations agreed for the office apply when they govern
   * the schedule's validity (open end: the day it takes effect); proposals are only listed. The
   * catalog version is the one in force on that day (the first version for a schedule from before it).
   */
  async judgeSchedule(office: Office, week: WeekSchedule, validity: { validFrom: string; validUntil: string | null }): Promise<ScheduleJudgement> {
    // As for a real week (judgeFor): a plan that ends before the first version took effect is judged by none.
    const first = this.catalog.versions[0];
    if (validity.validUntil !== null && validity.validUntil < first.validFrom) {
      throw DomainError.validation([
        { field: 'validUntil', message: `Der Regelkatalog ${first.version} gilt ab ${first.validFrom}; ein Öffnungszeitenplan, der vorher endet, wird nicht nach ihm beurteilt.` },
      ]);
    }
    const catalog = this.catalog.forDate(validity.validFrom);
    // Read from memory (PrecheckCache): the pre-check answers while typing and must not wait for the database.
    const seat = office.role === 'tandem-minor' && office.seatId ? await this.precheck.office(office.seatId) : undefined;
    const facts: Facts = {
      office: { id: office.id, name: office.name, role: office.role, ...(seat ? { seatId: seat.id, seatName: seat.name } : {}) },
      openingWeek: regularOpeningWeek(week, ['submitted-schedule']),
    };
    if (seat) {
      const inForce = await this.precheck.scheduleInForce(seat.id, validity.validFrom);
      if (inForce) facts.seatOpeningWeek = regularOpeningWeek(weekFromStored(inForce.week), [`schedule:${inForce.id}`]);
    }
    const deviations = await this.precheck.deviationsFor(office.id, validity.validFrom, validity.validUntil ?? validity.validFrom);
    const { ruleIds } = this.selection(JUDGEMENTS.scheduleCheck, catalog);
    const findings = evaluate(catalog, facts, { period: 'regular-week', ruleIds, deviations: deviations.applied });
    return { compliant: isCompliant(findings), catalogVersion: catalog.version, findings, pendingDeviations: deviations.pending };
  }

  /** The rules a judgement judges under a catalog version (from the engine) and the evidence they need. */
  private selection(selection: RuleSelection, catalog: Catalog): { ruleIds: string[]; needs: Set<Need> } {
    const rules = selectRules(catalog, selection);
    return { ruleIds: rules.map((r) => r.id), needs: new Set(rules.flatMap((r) => ruleTraits(r).needs)) };
  }

  /** Each period with the catalog version that judges it and its rules; periods no version covers are left out. */
  private withCatalogs(periods: JudgementPeriod[], judgement: (p: JudgementPeriod) => RuleSelection) {
    const selections = new Map<string, { ruleIds: string[]; needs: Set<Need> }>();
    return periods.flatMap((period) => {
      const catalog = this.catalog.forPeriod(period);
      if (!catalog) return [];
      const key = `${catalog.version}\u0000${period.kind}`;
      let selection = selections.get(key);
      if (!selection) selections.set(key, (selection = this.selection(judgement(period), catalog)));
      return [{ period, catalog, selection }];
    });
  }

  private async officeNames(all?: Office[]): Promise<Map<string, string>> {
    return new Map((all ?? (await this.offices.all())).map((o) => [o.id, o.name]));
  }

  private async load(
    offices: Office[],
    range: { from: string; to: string },
    calendar: LocalCalendar,
    needs: ReadonlySet<Need>,
    names: ReadonlyMap<string, string>,
    withDeviations = true,
  ): Promise<EvidenceBundle> {
    // A tandem minor is judged against its seat's opening, so the seat's evidence is read with it.
    const ids = [...new Set(offices.flatMap((o) => (o.seatId ? [o.id, o.seatId] : [o.id])))];
    const start = DateTime.fromISO(range.from, { zone: ZONE }).startOf('day');
    const endExclusive = DateTime.fromISO(range.to, { zone: ZONE }).plus({ days: 1 }).startOf('day');
    const loaded: LoadedEvidence = {
      versions: needs.has('schedule') ? await this.facts.scheduleVersions(ids, range.from, range.to) : [],
      closures: needs.has('schedule') ? await this.facts.closures(ids, range.from, range.to) : [],
      hotline: needs.has('hotline') ? await this.facts.hotline(ids, start.toJSDate(), endExclusive.toJSDate()) : [],
      officerMonths: needs.has('time-records') ? await this.facts.officerMonths(ids, range.from, endExclusive.toISODate()!) : [],
      // The survey rules look back over months before the judged ones (their window is a parameter).
      ...(needs.has('surveys')
        ? { surveyAnswers: await this.facts.surveyAnswerMonths(ids, start.startOf('month').minus({ months: SURVEY_LOOK_BACK_MONTHS - 1 }).toISODate()!, range.to) }
        : {}),
      appointmentSlots: needs.has('appointments') ? await this.facts.appointmentSlots(ids, range.from, range.to) : [],
      contactCounts: needs.has('contact-counts') ? await this.facts.contactCounts(ids, range.from.slice(0, 7), range.to.slice(0, 7)) : [],
      caseloadHandovers: needs.has('handovers') ? await this.facts.caseloadHandovers(ids, range.from.slice(0, 7), range.to.slice(0, 7)) : [],
      deviations: withDeviations ? await this.deviations.agreedByOffice(offices.map((o) => o.id), range.from, range.to) : new Map(),
      // Registers of sections 4.1/4.2: their rules look back up to MAX_WINDOW_MONTHS from each month.
      teamMemberships: needs.has('team-membership') ? await this.facts.teamMemberships(ids, lookBackFrom(range.from), range.to) : [],
      practiceMeetings: needs.has('practice-meetings') ? await this.facts.practiceMeetings(range.to) : [],
      employerAssignments: needs.has('employer-assignments') ? await this.facts.employerAssignments(ids, lookBackFrom(range.from), range.to) : [],
    };
    return new EvidenceBundle(loaded, calendar, names);
  }
}

/** The first day a register rule's look-back may reach from a range starting on `from` (one day before, for the baseline). */
function lookBackFrom(from: string): string {
  return DateTime.fromISO(from, { zone: ZONE }).startOf('month').minus({ months: MAX_WINDOW_MONTHS, days: 1 }).toISODate()!;
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
