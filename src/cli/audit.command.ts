import { parseArgs } from 'node:util';
import { AuditService } from '../audits/audit.service';
import { nightlyPeriods } from '../audits/audit-periods';
import type { AuditFindingView, AuditRunView } from '../audits/audit-run.view';
import { csvHeader, csvLine, DISTRICT_LABEL, germanNumber } from '../audits/findings.csv';
import { isPlausibleDate } from '../calendar';
import { OBLIGATION_LABELS, periodLabel, STATUS_LABELS, type FindingStatus, type Obligation } from '../engine';
import type { CsvContext } from '../audits/findings.csv';
import type { Principal } from '../auth/principal';
import type { ServiceLocator } from './cli-commands';
import { fail, type CliResult } from './cli-output';

/** The CLI acts for the coordination office: it runs on the machine that holds the data. */
const CLI_PRINCIPAL: Principal = { tokenId: 'cli', role: 'coordination', officeIds: [] };

/** The shared words; a violation is shouted so that it stands out in a terminal table. */
const statusText = (status: string) => {
  const text = STATUS_LABELS[status as FindingStatus]?.text ?? status;
  return status === 'non_compliant' ? text.toUpperCase() : text;
};

/**
 * `audit --from … --to … [--office …] [--format table|json|csv]`: runs and stores an audit (trigger
 * cli), prints it, and exits 1 when any must rule is non_compliant so that scripts can gate on it.
 */
export async function auditCommand(app: ServiceLocator, args: string[]): Promise<CliResult> {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' }, night: { type: 'string' }, office: { type: 'string', multiple: true }, format: { type: 'string', default: 'table' } },
    strict: true,
  });
  if (values.night !== undefined) return nightCommand(app, values.night, values.from, values.to, values.office, values.format!);
  const problems: string[] = [];
  if (!isPlausibleDate(values.from)) problems.push('--from muss ein Datum im Format JJJJ-MM-TT zwischen 2000 und 2099 sein.');
  if (!isPlausibleDate(values.to)) problems.push('--to muss ein Datum im Format JJJJ-MM-TT zwischen 2000 und 2099 sein.');
  if (values.from && values.to && values.to < values.from) problems.push('--to darf nicht vor --from liegen.');
  // The same limit as POST /api/v1/audits: the report is built in memory, possibly inside the service.
  if (values.from && values.to && (Date.parse(values.to) - Date.parse(values.from)) / 86_400_000 > 3 * 366) problems.push('Ein Prüflauf umfasst höchstens drei Jahre.');
  if (!['table', 'json', 'csv'].includes(values.format!)) problems.push('--format muss table, json oder csv sein.');
  if (problems.length) return fail(`Fehler:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);

  const audits = app.get(AuditService);
  const offices = (values.office ?? []).flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean);
  const run = (await audits.run({ trigger: 'cli', from: values.from!, to: values.to!, officeIds: offices.length ? offices : undefined, requestedBy: undefined }))!;
  return report(audits, run, values.format!);
}

/**
 * `audit --night JJJJ-MM-TT`: the nightly audit of one night, done by hand (issue 10), for a night
 * the service could not catch up by itself (listed in GET /api/v1/audits/gaps). Its run is a
 * nightly run of that night, so it closes the gap; a night already audited is not audited twice.
 */
async function nightCommand(app: ServiceLocator, night: string, from: string | undefined, to: string | undefined, office: string[] | undefined, format: string): Promise<CliResult> {
  const problems: string[] = [];
  if (!isPlausibleDate(night)) problems.push('--night muss ein Datum im Format JJJJ-MM-TT zwischen 2000 und 2099 sein.');
  if (from !== undefined || to !== undefined || office !== undefined) problems.push('--night prüft alle Regionalstellen über die Zeiträume der Nacht; --from, --to und --office sind dabei nicht zulässig.');
  if (!['table', 'json', 'csv'].includes(format)) problems.push('--format muss table, json oder csv sein.');
  if (problems.length) return fail(`Fehler:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  const audits = app.get(AuditService);
  const periods = nightlyPeriods(night);
  const run = await audits.run({ trigger: 'nightly', nightlyDate: night, from: periods.from, to: periods.to, periods: periods.periods });
  if (!run) return fail(`Die Nacht ${night} ist bereits geprüft (oder wird gerade geprüft); es wurde kein weiterer Lauf angelegt.\n`, 1);
  return report(audits, run, format);
}

/** Prints a finished run's findings; exit code 1 when a must rule is not met. */
async function report(audits: AuditService, run: AuditRunView, format: string): Promise<CliResult> {
  const { findings, csv } = await audits.stream(CLI_PRINCIPAL, run.id);
  const all: AuditFindingView[] = [];
  for await (const f of findings) all.push(f);
  const mustViolations = all.filter((f) => f.obligation === 'must' && f.status === 'non_compliant').length;

  let stdout: string;
  if (format === 'json') stdout = JSON.stringify({ run, findings: all }, null, 2) + '\n';
  else if (format === 'csv') stdout = csvHeader() + all.map((f) => csvLine(f, csv)).join('');
  else stdout = table(all, csv) + `\nPrüflauf ${run.label} (${run.id}): ${all.length} Feststellungen, davon ${mustViolations} Verstöße gegen Muss-Regeln.\n`;
  return { exitCode: mustViolations > 0 ? 1 : 0, stdout, stderr: '' };
}

/** Names, not codes: the office's name, the period as 'KW 45/2026', the rule's short title. */
function table(findings: AuditFindingView[], ctx: CsvContext): string {
  const head = ['Regionalstelle', 'Zeitraum', 'Standard', 'Verbindl.', 'Status', 'Gemessen', 'Gefordert', 'Einheit'];
  const shortTitle = (id: string) => ctx.catalog.rules.find((r) => r.id === id)?.shortTitle ?? id;
  const rows = findings.map((f) => [
    f.officeId === null ? DISTRICT_LABEL : (ctx.officeNames.get(f.officeId) ?? f.officeId),
    periodLabel(f.period),
    shortTitle(f.ruleId),
    OBLIGATION_LABELS[f.obligation as Obligation]?.short ?? f.obligation,
    statusText(f.status),
    germanNumber(f.measured),
    germanNumber(f.required),
    f.unit,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}
