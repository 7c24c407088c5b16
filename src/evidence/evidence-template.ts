import type { EvidenceKind } from './evidence-kind';

/** File names of the templates, German like everything a clerk downloads. */
export const TEMPLATE_FILE_NAMES = {
  closures: 'vorlage-schliessungen.csv',
  'hotline-coverage': 'vorlage-hotline-besetzung.csv',
  'time-records': 'vorlage-zeiterfassung.csv',
  'appointment-slots': 'vorlage-termine-ausserhalb-oeffnungszeiten.csv',
  'contact-counts': 'vorlage-kontakte-mit-und-ohne-termin.csv',
  'caseload-handovers': 'vorlage-zustaendigkeitswechsel.csv',
  'team-membership': 'vorlage-teammitgliedschaften.csv',
  'practice-meetings': 'vorlage-praxistreffen.csv',
  'employer-assignments': 'vorlage-ansprechpersonen-unternehmen.csv',
} as const;

/**
 * The CSV template of a kind as German Excel opens and saves it: UTF-8 with BOM, ';', the German
 * column names and one example row (the import accepts exactly this file back).
 */
export function csvTemplate(kind: Pick<EvidenceKind<object, unknown>, 'fields' | 'columns' | 'example'>): string {
  // A cell holding the separator or a quote is quoted (e.g. a list of offices "witten; hattingen").
  const cell = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const line = (cells: string[]) => cells.map(cell).join(';') + '\r\n';
  return '\uFEFF' + line(kind.fields.map((f) => kind.columns[f] ?? f)) + line(kind.fields.map((f) => kind.example[f] ?? ''));
}
