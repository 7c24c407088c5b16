import { Inject, Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { canAccessOffice, type Principal } from '../auth/principal';
import { berlinToday, CLOCK, type Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { ZONE } from '../calendar';
import type { JudgementPeriod } from '../judging/judgement-period';
import { JudgingService } from '../judging/judging.service';
import { ruleTraits, STATUS_SEVERITY, type FindingStatus, type Obligation } from '../engine';
import type { Office } from '../offices/office.entity';
import { OfficesService } from '../offices/offices.service';
import { CatalogVersionRepository } from '../standards/catalog-version.repository';
import { CatalogService } from '../standards/catalog.service';
import { periodsWithin } from './audit-periods';
import { AuditRunEvents } from './audit-run.events';
import type { CsvContext } from './findings.csv';
import { RuleTextIndex, runRuleTexts } from './audit-finding.codec';
import { AuditRunRepository, type FindingFilter, type FindingRow } from './audit-run.repository';
import { assertReportable, toRunView, type AuditFindingView, type AuditRunView, type AuditSummary, type AuditTrigger, type DistrictCell, type MatrixCell } from './audit-run.view';

export interface AuditRequest {
  trigger: AuditTrigger;
  from: string;
  to: string;
  /** Default: every office. */
  officeIds?: string[];
  requestedBy?: string;
  /** Nightly runs name their night; at most one running or succeeded run per night exists. */
  nightlyDate?: string;
  /** Default: the complete weeks and months in [from, to]. */
  periods?: JudgementPeriod[];
}

/** While a run is active its heartbeat is renewed this often; stale after 15 min (nightly-audit.job.ts). */
const HEARTBEAT_MS = 60_000;


@Injectable()
export class AuditService {
  private readonly logger = new Logger('AuditService');
  /**
   * Findings are written in pages while the run proceeds, so memory does not grow with the audit's
   * size (two pages at most, a few MB); each page costs a COPY or INSERT and two small updates.
   */
  flushEvery = 4000;

  constructor(
    private readonly repo: AuditRunRepository,
    private readonly judging: JudgingService,
    private readonly offices: OfficesService,
    private readonly catalog: CatalogService,
    private readonly catalogVersions: CatalogVersionRepository,
    private readonly events: AuditRunEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Runs an audit and stores its report. Returns undefined when a nightly run for that night is
   * already running or done elsewhere. A failure marks the run failed (visible with its error),
   * removes its partial findings and is rethrown.
   */
  async run(req: AuditRequest): Promise<AuditRunView | undefined> {
    const { offices, everyOffice } = await this.resolveOffices(req.officeIds);
    const complete = req.periods ?? periodsWithin(req.from, req.to);
    this.assertEnded(req.to, complete);
    if (complete.length === 0) {
      throw DomainError.validation([{ field: 'to', message: 'Der Zeitraum enthält keine vollständige Kalenderwoche und keinen vollständigen Monat.' }]);
    }
    // Each period is judged by the catalog version in force on its first day (issue 15); periods
    // that ended before the first version are judged by none. The run names every version it used.
    const periods = complete.filter((p) => this.catalog.forPeriod(p));
    if (periods.length === 0) {
      const { version, validFrom } = this.catalog.versions[0];
      throw DomainError.validation([{ field: 'from', message: `Der Regelkatalog ${version} gilt ab ${validFrom}; der Zeitraum liegt vollständig davor.` }]);
    }
    const versions = [...new Set(periods.map((p) => this.catalog.forPeriod(p)!.version))];
    const runId = await this.repo.create({
      trigger: req.trigger,
      from: req.from,
      to: req.to,
      periods: periods.map((p) => p.id),
      officeIds: offices.map((o) => o.id),
      catalogVersion: versions.join(', '),
      requestedBy: req.requestedBy,
      nightlyDate: req.nightlyDate,
    });
    if (!runId) return undefined;
    // From now on these versions are history: the loader refuses their change (catalog-version.repository.ts).
    await this.catalogVersions.markJudged(versions);
    // Title, citation and parameters once per run and rule, not in every finding (audit-finding.codec.ts).
    const texts = versions.flatMap((v) => runRuleTexts(v, this.catalog.byVersion(v)!.rules));
    await this.repo.recordRuleTexts(runId, texts);
    const textIndex = new RuleTextIndex(texts);
    this.logger.log({ msg: 'audit started', runId, trigger: req.trigger, periods: periods.length, offices: offices.length });
    // A long judging stretch between two flushes must not make the run look dead to other instances.
    const heartbeat = setInterval(() => void this.repo.heartbeat(runId).catch(() => undefined), HEARTBEAT_MS);
    heartbeat.unref();
    // One write in flight while the next offices are judged: the time becomes roughly the larger
    // of judging and writing instead of their sum, and memory holds at most two pages.
    let writing: Promise<void> = Promise.resolve();
    try {
      let seq = 0;
      let buffer: FindingRow[] = [];
      const flush = async () => {
        const page = buffer;
        buffer = [];
        await writing;
        writing = this.repo.appendFindings(runId, page, textIndex);
        writing.catch(() => undefined); // observed by the next flush or the final await
      };
      await this.judging.judgeMany(offices, periods, async (office, period, findings) => {
        for (const finding of findings) buffer.push({ seq: seq++, officeId: office.id, scope: 'office', period: period.id, periodKind: period.kind, finding });
        if (buffer.length >= this.flushEvery) await flush();
      });
      // District rules concern all offices at once: judged once per period, and only by a run over
      // every office (a run for some offices says nothing about the district as a whole).
      if (everyOffice) {
        await this.judging.judgeDistrict(periods, (period, findings) => {
          for (const finding of findings) buffer.push({ seq: seq++, officeId: null, scope: 'district', period: period.id, periodKind: period.kind, finding });
        });
      }
      await flush();
      await writing;
      await this.repo.succeed(runId, seq);
      this.logger.log({ msg: 'audit finished', runId, findings: seq });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.error({ msg: 'audit failed', runId, error: message });
      await writing.catch(() => undefined); // a page still being written must land before it is removed
      await this.repo.fail(runId, message);
      throw err;
    } finally {
      clearInterval(heartbeat);
    }
    await this.events.succeeded(runId); // corrective actions (src/actions): exactly once per run, never fails the run
    return toRunView((await this.repo.get(runId))!);
  }

  /**
   * Only periods that have ended are judged. A week still running (or not yet begun) would be judged
   * on days that have not happened: its hotline "uncovered", its time records missing, and a
   * corrective action "verified" or reopened by evidence that cannot exist yet. One check here
   * serves the API, the CLI, the nightly job and the demo.
   */
  private assertEnded(to: string, periods: readonly JudgementPeriod[]): void {
    const today = berlinToday(this.clock);
    if (to < today && periods.every((p) => p.to < today)) return;
    const yesterday = DateTime.fromISO(today, { zone: ZONE }).minus({ days: 1 }).toFormat('dd.MM.yyyy');
    throw DomainError.validation([
      { field: 'to', message: `Beurteilt werden nur abgeschlossene Wochen und Monate: Der Zeitraum darf höchstens bis gestern (${yesterday}) reichen.` },
    ]);
  }

  async list(principal: Principal, limit = 50): Promise<AuditRunView[]> {
    const visible = principal.role === 'coordination' ? undefined : principal.officeIds;
    return (await this.repo.list(limit, visible)).map((r) => toRunView(r, visible));
  }

  async summary(principal: Principal, runId: string): Promise<AuditSummary> {
    const run = await this.visibleRun(principal, runId);
    const visible = principal.role === 'coordination' ? undefined : principal.officeIds;
    const cells = new Map<string, MatrixCell>();
    const district = new Map<string, DistrictCell>();
    const byObligation: AuditSummary['byObligation'] = {};
    // A run still running or failed has no report: its status and progress, never a partial matrix.
    const counts = run.status === 'succeeded' ? await this.repo.cellCounts(runId, visible) : [];
    for (const c of counts) {
      const cell: MatrixCell | DistrictCell =
        c.office_id === null
          ? (district.get(c.rule_id) ?? { officeId: null, scope: 'district', ruleId: c.rule_id, obligation: c.obligation, status: c.status, counts: {}, deviations: [] })
          : (cells.get(`${c.office_id} ${c.rule_id}`) ?? { officeId: c.office_id, ruleId: c.rule_id, obligation: c.obligation, status: c.status, counts: {}, deviations: [] });
      cell.counts[c.status] = (cell.counts[c.status] ?? 0) + c.n;
      if ((STATUS_SEVERITY[c.status] ?? 0) > (STATUS_SEVERITY[cell.status] ?? 0)) cell.status = c.status;
      cell.deviations = [...new Set([...cell.deviations, ...c.deviations])];
      if (cell.officeId === null) district.set(c.rule_id, cell as DistrictCell);
      else cells.set(`${cell.officeId} ${c.rule_id}`, cell as MatrixCell);
      const level = (byObligation[c.obligation] ??= {});
      level[c.status] = (level[c.status] ?? 0) + c.n;
    }
    const runRules = this.runRules(run.catalog_version);
    const ruleOrder = runRules.map((r) => r.id);
    const matrix = [...cells.values()].sort((a, b) => a.officeId.localeCompare(b.officeId) || ruleOrder.indexOf(a.ruleId) - ruleOrder.indexOf(b.ruleId));
    return {
      run: toRunView(run, visible),
      offices: visible ? run.office_ids.filter((o) => visible.includes(o)) : run.office_ids,
      rules: runRules.map((r) => ({ id: r.id, title: r.title, shortTitle: r.shortTitle, obligation: r.obligation as Obligation, scope: ruleTraits(r).scope })),
      matrix,
      district: [...district.values()].sort((a, b) => ruleOrder.indexOf(a.ruleId) - ruleOrder.indexOf(b.ruleId)),
      byObligation,
    };
  }

  /**
   * The visible findings of a run. District findings concern every office, so regional tokens see
   * them too; `office=` asks for one office's findings only, `scope=district` for the district's.
   */
  async findings(
    principal: Principal,
    runId: string,
    filter: Omit<FindingFilter, 'officeIds' | 'includeDistrict' | 'districtOnly'> & { officeId?: string; scope?: 'office' | 'district' },
  ): Promise<AuditFindingView[]> {
    assertReportable(await this.visibleRun(principal, runId));
    if (filter.officeId && !canAccessOffice(principal, filter.officeId)) throw DomainError.forbidden();
    const { officeId, scope, ...rest } = filter;
    const officeIds = officeId ? [officeId] : principal.role === 'coordination' ? undefined : principal.officeIds;
    return this.repo.findings(runId, { ...rest, officeIds, includeDistrict: !officeId && scope !== 'office', districtOnly: scope === 'district' });
  }

  /** Streams the visible findings of a run (for CSV and JSON exports of any size). */
  async stream(principal: Principal, runId: string): Promise<{ run: AuditRunView; findings: AsyncGenerator<AuditFindingView>; csv: CsvContext }> {
    const run = await this.visibleRun(principal, runId);
    assertReportable(run);
    const visible = principal.role === 'coordination' ? undefined : principal.officeIds;
    const officeNames = new Map((await this.offices.all()).map((o) => [o.id, o.name]));
    return { run: toRunView(run, visible), findings: this.repo.stream(runId, visible), csv: { officeNames, catalog: { rules: this.runRules(run.catalog_version) } } };
  }

  async trend(principal: Principal, officeId: string, ruleId: string): Promise<Array<{ period: string; periodKind: string; runId: string; status: FindingStatus; measured: number | null; required: number | null; unit: string }>> {
    await this.offices.getFor(principal, officeId);
    if (!this.catalog.rule(ruleId)) throw DomainError.validation([{ field: 'rule', message: `Die Regel „${ruleId}“ ist nicht bekannt.` }]);
    return (await this.repo.trend(officeId, ruleId)).map((r) => ({
      period: r.period,
      periodKind: r.period_kind,
      runId: r.run_id,
      status: r.status,
      measured: r.measured,
      required: r.required,
      unit: r.unit,
    }));
  }

  /** The rules of the versions a run names (each id once, newest wording); the version in force for runs naming none known. */
  private runRules(catalogVersion: string) {
    const named = catalogVersion.split(', ').filter((v) => this.catalog.byVersion(v));
    return named.length > 0 ? this.catalog.rulesOf(named) : this.catalog.catalog.rules;
  }

  private async visibleRun(principal: Principal, runId: string) {
    const run = await this.repo.get(runId);
    if (!run) throw DomainError.notFound(`Den Prüflauf „${runId}“ gibt es nicht.`);
    if (principal.role !== 'coordination' && !run.office_ids.some((o) => principal.officeIds.includes(o))) {
      throw DomainError.forbidden('Dieser Prüflauf betrifft keine Regionalstelle dieses Zugangstokens.');
    }
    return run;
  }

  private async resolveOffices(ids?: string[]): Promise<{ offices: Office[]; everyOffice: boolean }> {
    const all = await this.offices.all();
    if (!ids || ids.length === 0) return { offices: all, everyOffice: true };
    const unknown = ids.filter((id) => !all.some((o) => o.id === id));
    if (unknown.length) throw DomainError.validation(unknown.map((id) => ({ field: 'offices', message: `Die Regionalstelle „${id}“ ist nicht bekannt.` })));
    const offices = all.filter((o) => ids.includes(o.id));
    return { offices, everyOffice: offices.length === all.length };
  }
}
