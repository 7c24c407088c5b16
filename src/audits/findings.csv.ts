import { describeChanges, OBLIGATION_LABELS, periodLabel, STATUS_LABELS, type Catalog, type FindingStatus, type Obligation } from '../engine';
import { CSV_BOM, csvText } from '../common/csv-text';
import type { AuditFindingView } from './audit-run.view';

/** What a line needs beyond the finding: office names and the catalog (parameter labels of deviations). */
export interface CsvContext {
  officeNames: ReadonlyMap<string, string>;
  catalog: Pick<Catalog, 'rules'>;
}

// CSV for German Excel (src/common/csv-text.ts): UTF-8 with BOM, ';' as separator, and decimal
// commas here (Excel in a German locale reads '21,5' as a number and '21.5' as a date or text).

/**
 * People read names, not codes: office names, periods as 'KW 45/2026', the rule's title beside its
 * id, a deviation described by what it changed. The codes follow at the end for scripts.
 */
const HEADER = [
  'Regionalstelle',
  'Zeitraum',
  'Regel',
  'Titel',
  'Verbindlichkeit',
  'Status',
  'Gemessen',
  'Gefordert',
  'Einheit',
  'Abweichung',
  'Erläuterung',
  'Fundstelle',
  'Kennung Regionalstelle',
  'Kennung Zeitraum',
];

export function germanNumber(n: number | null): string {
  return n === null || n === undefined ? '' : String(n).replace('.', ',');
}

export function csvHeader(): string {
  return CSV_BOM + HEADER.join(';') + '\r\n';
}

/** What the "Regionalstelle" column says for a finding judged once over all offices. */
export const DISTRICT_LABEL = 'Kreis (alle Regionalstellen)';

export function csvLine(f: AuditFindingView, ctx: CsvContext): string {
  return (
    [
      f.officeId === null ? DISTRICT_LABEL : (ctx.officeNames.get(f.officeId) ?? f.officeId),
      periodLabel(f.period),
      f.ruleId,
      f.title,
      OBLIGATION_LABELS[f.obligation as Obligation]?.short ?? f.obligation,
      STATUS_LABELS[f.status as FindingStatus]?.text ?? f.status,
      germanNumber(f.measured),
      germanNumber(f.required),
      f.unit,
      describeDeviation(f, ctx),
      f.message,
      `Anlage 3, Abschnitt ${f.citation.section}`,
      f.officeId,
      f.period,
    ]
      .map((v) => csvText(String(v)))
      .join(';') + '\r\n'
  );
}

/** 'Standard ausgesetzt: Umbau' or 'Mindestöffnungszeit je Woche 18 Std. statt 21,5 Std.: Sommerferien'. */
function describeDeviation(f: AuditFindingView, ctx: CsvContext): string {
  const deviation = f.deviation;
  if (!deviation) return '';
  const rule = ctx.catalog.rules.find((r) => r.id === f.ruleId);
  const what = deviation.kind === 'waiver' || !rule ? 'Standard ausgesetzt' : describeChanges(rule, deviation.params ?? {});
  return `${what}: ${deviation.reason}`;
}
