import { OBLIGATION_LABELS, STATUS_LABELS, type FindingStatus, type Obligation } from '../engine';
import type { AuditFindingView } from './audit-run.view';

/**
 * CSV for German Excel: UTF-8 with BOM (else umlauts break), ';' as separator and decimal commas
 * (Excel in a German locale reads '21,5' as a number and '21.5' as a date or text).
 */
export const CSV_BOM = '\uFEFF';

const HEADER = ['Regionalstelle', 'Zeitraum', 'Regel', 'Titel', 'Verbindlichkeit', 'Status', 'Gemessen', 'Gefordert', 'Einheit', 'Abweichung', 'Erläuterung', 'Fundstelle'];

function cell(value: string): string {
  // Quote always when needed; also neutralise formula injection (a cell starting with = + - @).
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function germanNumber(n: number | null): string {
  return n === null || n === undefined ? '' : String(n).replace('.', ',');
}

export function csvHeader(): string {
  return CSV_BOM + HEADER.join(';') + '\r\n';
}

/** What the "Regionalstelle" column says for a finding judged once over all offices. */
export const DISTRICT_LABEL = 'Kreis (alle Regionalstellen)';

export function csvLine(f: AuditFindingView): string {
  const deviation = (f as { deviation?: { id: string } }).deviation;
  return (
    [
      f.officeId ?? DISTRICT_LABEL,
      f.period,
      f.ruleId,
      f.title,
      OBLIGATION_LABELS[f.obligation as Obligation]?.short ?? f.obligation,
      STATUS_LABELS[f.status as FindingStatus]?.text ?? f.status,
      germanNumber(f.measured),
      germanNumber(f.required),
      f.unit,
      deviation?.id ?? '',
      f.message,
      `Anlage 3, Abschnitt ${f.citation.section}`,
    ]
      .map((v) => cell(String(v)))
      .join(';') + '\r\n'
  );
}
