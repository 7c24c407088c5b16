import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { ActionsService } from '../actions/actions.service';
import { AuditRunRepository } from '../audits/audit-run.repository';
import type { AuditFindingView } from '../audits/audit-run.view';
import { AuditService } from '../audits/audit.service';
import type { Principal } from '../auth/principal';
import { isPlausibleYear, parseIsoWeek, parseMonth, ZONE } from '../calendar';
import { CLOCK, type Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { periodLabel, STATUS_LABELS, STATUS_SEVERITY, type AppliedDeviation, type FindingStatus } from '../engine';
import { DeviationsService } from '../deviations/deviations.service';
import { OfficesService } from '../offices/offices.service';
import { CatalogService } from '../standards/catalog.service';
import { periodOf } from '../actions/verification-period';
import { weeksOfMonth } from '../judging/judgement-period';
import type { Report, ReportDeviation, ReportSection, ReportVerdict } from './report.model';

const de = (iso: string) => iso.split('-').reverse().join('.');

function worstOf(findings: AuditFindingView[], namePeriod: boolean): AuditFindingView & { explanation: string } {
  // A rule judged over several weeks shows its worst verdict, as the overview's matrix does.
  const worst = findings.reduce((a, b) => (STATUS_SEVERITY[b.status] > STATUS_SEVERITY[a.status] ? b : a));
  const same = findings.filter((f) => f.status === worst.status).length;
  const explanation = namePeriod ? `${periodLabel(worst.period)}: ${worst.message}${findings.length > 1 ? ` (${same} von ${findings.length} Zeiträumen ${STATUS_LABELS[worst.status].text})` : ''}` : worst.message;
  return { ...worst, explanation };
}

/** A report's period from ?period=: an ISO week (2026-W48) or a month (2026-11). */
export function reportPeriod(value: unknown): string {
  const ok = typeof value === 'string' && (parseIsoWeek(value) !== null || parseMonth(value) !== null) && isPlausibleYear(Number(value.slice(0, 4)));
  if (!ok) throw DomainError.validation([{ field: 'period', message: 'Bitte einen Zeitraum angeben: eine Kalenderwoche (z. B. 2026-W48) oder einen Monat (z. B. 2026-11).' }]);
  return value as string;
}

/**
 * The reports people file: per office and period (the latest verdict of each rule for that period),
 * and per audit run (each visible office's worst verdict per rule over the run). Both list the
 * office's open and verified actions and the deviations (section 6) in force. Findings are read
 * through the audit service and repository only.
 */
@Injectable()
export class ReportService {
  constructor(
    private readonly runs: AuditRunRepository,
    private readonly audits: AuditService,
    private readonly offices: OfficesService,
    private readonly actions: ActionsService,
    private readonly deviations: DeviationsService,
    private readonly catalog: CatalogService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async officeReport(principal: Principal, officeId: string, periodId: string): Promise<Report> {
    const office = await this.offices.getFor(principal, officeId);
    const period = periodOf(periodId);
    // As for a real week or month (judgeFor): a period no catalog version judges has no report, not
    // an empty one labelled with the version in force today.
    if (!this.catalog.forPeriod(period)) {
      const { version, validFrom } = this.catalog.versions[0];
      throw DomainError.validation([{ field: 'period', message: `Der Regelkatalog ${version} gilt ab ${validFrom}; frühere Zeiträume werden nicht nach ihm beurteilt.` }]);
    }
    // A month's report also judges the weekly rules: over the ISO weeks that belong to the month.
    const periods = period.kind === 'month' ? [period.id, ...weeksOfMonth(period.id)] : [period.id];
    const byRule = new Map<string, AuditFindingView[]>();
    for (const p of periods) for (const { finding } of await this.runs.latestForPeriod(office.id, p)) byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding]);
    const verdicts = this.ordered([...byRule.values()].map((findings) => worstOf(findings, periods.length > 1)).map((f) => ({ ruleId: f.ruleId, ruleTitle: this.title(f.ruleId), obligation: f.obligation, status: f.status, explanation: f.explanation })));
    const base = `/api/v1/offices/${encodeURIComponent(office.id)}/report`;
    return {
      title: `Bericht der Regionalstelle ${office.name}`,
      periodText: `${periodLabel(period.id)} (${de(period.from)} – ${de(period.to)})`,
      // The versions that judged the findings shown (each period by the version in force on its first day).
      catalogVersion: [...new Set([...byRule.values()].flat().map((f) => f.catalogVersion))].join(', ') || (this.catalog.forPeriod(period) ?? this.catalog.catalog).version,
      createdText: this.createdText(),
      htmlPath: `${base}?period=${encodeURIComponent(period.id)}`,
      pdfPath: `${base}.pdf?period=${encodeURIComponent(period.id)}`,
      backPath: `/regionalstellen/${encodeURIComponent(office.id)}`,
      sections: [await this.section(principal, { id: office.id, name: office.name }, verdicts, period.from, period.to)],
      emptyNote: verdicts.length === 0 ? `Für ${periodLabel(period.id)} gibt es noch keinen abgeschlossenen Prüflauf dieser Regionalstelle.` : undefined,
    };
  }

  async runReport(principal: Principal, runId: string): Promise<Report> {
    const summary = await this.audits.summary(principal, runId);
    const run = summary.run;
    const violations = await this.audits.findings(principal, runId, { status: 'non_compliant', limit: 5000 });
    const names = new Map((await this.offices.all()).map((o) => [o.id, o.name]));
    const sections: ReportSection[] = [];
    for (const officeId of summary.offices) {
      const verdicts = this.ordered(
        summary.matrix
          .filter((c) => c.officeId === officeId)
          .map((c) => {
            const first = violations.find((f) => f.officeId === officeId && f.ruleId === c.ruleId);
            const total = Object.values(c.counts).reduce((a, b) => a + (b ?? 0), 0);
            const counts = (Object.entries(c.counts) as Array<[FindingStatus, number]>).map(([s, n]) => `${n} × ${STATUS_LABELS[s].text}`).join(', ');
            const explanation = first && c.status === 'non_compliant' ? `${periodLabel(first.period)}: ${first.message} (${counts} in ${total} Zeiträumen)` : `${counts} in ${total} ${total === 1 ? 'Zeitraum' : 'Zeiträumen'}.`;
            return { ruleId: c.ruleId, ruleTitle: this.title(c.ruleId), obligation: c.obligation, status: c.status, explanation };
          }),
      );
      sections.push(await this.section(principal, { id: officeId, name: names.get(officeId) ?? officeId }, verdicts, run.from, run.to));
    }
    const base = `/api/v1/audits/${encodeURIComponent(run.id)}/report`;
    return {
      title: sections.length === 1 ? `Prüfbericht der Regionalstelle ${sections[0].office.name}` : 'Prüfbericht aller Regionalstellen',
      periodText: `${de(run.from)} – ${de(run.to)} (${run.periods.map(periodLabel).join(', ')})`,
      catalogVersion: run.catalogVersion,
      createdText: this.createdText(),
      htmlPath: base,
      pdfPath: `${base}.pdf`,
      backPath: '/',
      sections,
      emptyNote: run.status !== 'succeeded' ? 'Dieser Prüflauf ist nicht abgeschlossen; er enthält keine Beurteilungen.' : undefined,
    };
  }

  private async section(principal: Principal, office: { id: string; name: string }, verdicts: ReportVerdict[], from: string, to: string): Promise<ReportSection> {
    const actions = (await this.actions.list(principal, { office: office.id })).filter((a) => a.status !== 'dismissed').map((a) => ({ ...a, ruleTitle: a.survey ? a.survey.title : this.title(a.ruleId ?? '') }));
    const inForce = await this.deviations.forPeriod(office.id, from, to);
    return { office, verdicts, actions, deviations: inForce.applied.map((d) => this.deviation(d)) };
  }

  private deviation(d: AppliedDeviation): ReportDeviation {
    return { ruleTitle: this.title(d.ruleId), kind: d.kind, params: d.params, reason: d.reason, validFrom: d.validFrom, validUntil: d.validUntil };
  }

  private title(ruleId: string): string {
    return this.catalog.rule(ruleId)?.title ?? ruleId;
  }

  private ordered(verdicts: ReportVerdict[]): ReportVerdict[] {
    const order = this.catalog.rulesOf().map((r) => r.id);
    return verdicts.sort((a, b) => order.indexOf(a.ruleId) - order.indexOf(b.ruleId));
  }

  private createdText(): string {
    return `${DateTime.fromJSDate(this.clock(), { zone: ZONE }).toFormat('dd.MM.yyyy, HH:mm')} Uhr`;
  }
}
