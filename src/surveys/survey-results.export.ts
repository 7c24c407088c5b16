import type ExcelJS from 'exceljs';
import { fieldsByGap } from './survey-results';
import type { ComparedField, ComparedGroup, ComparedItem } from './survey-comparison';
import type { RoundResults } from './survey-results.service';
import { germanDate } from './survey-clock';
import { CSV_BOM, csvText } from '../common/csv-text';
import { AUDIENCE_LABELS, CHANGE_LABELS, FIGURE_LABELS, HIDDEN_REASON_LABELS } from './survey-vocabulary';

/**
 * Exports of a round's results: aggregates per group, field and item only. Raw answers are never
 * exported, not even without names, and hidden groups appear with the reason and no figures.
 * XLSX: an overview sheet, then one sheet per field (exceljs); numbers are real numbers with the
 * format 0.00, which a German Excel shows as 3,45. CSV: as the audit export, for a German Excel
 * (UTF-8 with BOM, ';', decimal comma, formula-like cells neutralised).
 */
const FIELD_SUMMARY = '(Themenfeld insgesamt)';

function maxSteps(results: RoundResults): number {
  return Math.max(2, ...results.groups.flatMap((g) => g.fields.flatMap((f) => f.items.map((i) => i.steps))));
}

function header(steps: number): string[] {
  return [
    'Gruppe',
    'Antworten der Gruppe',
    'Themenfeld',
    FIGURE_LABELS.rank,
    'Frage',
    FIGURE_LABELS.answers,
    ...Array.from({ length: steps }, (_, k) => `Anzahl Wert ${k + 1}`),
    FIGURE_LABELS.actualMean,
    FIGURE_LABELS.importanceMean,
    FIGURE_LABELS.gap,
    `${FIGURE_LABELS.previous}: Bewertung`,
    `${FIGURE_LABELS.previous}: Antworten`,
    FIGURE_LABELS.change,
  ];
}

type Cell = string | number | null;

function itemRow(g: ComparedGroup, f: ComparedField, i: ComparedItem | null, steps: number): Cell[] {
  const figures = i ?? f;
  const distribution = i?.distribution ?? null;
  return [
    g.label,
    g.answers,
    f.title,
    f.rank,
    i ? i.text : FIELD_SUMMARY,
    i ? i.answers : null,
    ...Array.from({ length: steps }, (_, k) => (distribution && k < distribution.length ? distribution[k] : null)),
    figures.actualMean,
    figures.importanceMean,
    figures.gap,
    figures.previous?.actualMean ?? null,
    figures.previous?.answers ?? null,
    figures.previous ? CHANGE_LABELS[figures.previous.change].text : null,
  ];
}

function rows(results: RoundResults, fieldId: string | null, steps: number): Cell[][] {
  const out: Cell[][] = [];
  for (const g of results.groups) {
    if (!g.shown) {
      out.push([g.label, null, null, null, `Keine Ergebnisse: ${HIDDEN_REASON_LABELS[g.hiddenReason!]}`, ...Array.from({ length: steps + 6 }, () => null)]);
      continue;
    }
    for (const f of fieldsByGap(g.fields)) {
      if (fieldId !== null && f.fieldId !== fieldId) continue;
      out.push(itemRow(g, f, null, steps));
      for (const i of f.items) out.push(itemRow(g, f, i, steps));
    }
  }
  return out;
}

// ---- CSV ----

function csvCell(value: Cell): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(Number.isInteger(value) ? value : value.toFixed(2)).replace('.', ',') : csvText(value);
}

export function resultsCsv(results: RoundResults): string {
  const steps = maxSteps(results);
  const lines = [header(steps), ...rows(results, null, steps)].map((r) => r.map(csvCell).join(';'));
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

// ---- XLSX ----

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;

function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(INVALID_SHEET_CHARS, ' ').trim().slice(0, 31) || 'Themenfeld';
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 28)} ${k}`;
  used.add(name.toLowerCase());
  return name;
}

export async function resultsXlsx(results: RoundResults): Promise<Buffer> {
  const steps = maxSteps(results);
  // Loaded on the first export, not at start: exceljs and its zip libraries are the heaviest module
  // the service loads, and few processes ever export (issue 14, item 5: cold start).
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const book = new Workbook();
  book.creator = 'standards-monitor';
  book.created = new Date(results.round.createdAt);
  const used = new Set<string>();

  const overview = book.addWorksheet(sheetName('Übersicht', used));
  const r = results.round;
  overview.addRows([
    ['Befragung', r.title],
    ['Zielgruppe', AUDIENCE_LABELS[r.audience]],
    ['Fragebogen', `${r.questionnaireId} (Version ${r.questionnaireVersion})${r.example ? ' – Beispiel-Fragebogen' : ''}`],
    ['Zeitraum', `${germanDate(r.from)} – ${germanDate(r.to)}`],
    ['Mindestgröße einer Gruppe', r.minimumGroupSize],
    [FIGURE_LABELS.previous, results.previousRound ? `${results.previousRound.title} (${germanDate(results.previousRound.from)} – ${germanDate(results.previousRound.to)})` : 'keine'],
    [],
    ['Themenfelder nach Lücke (Wichtigkeit − Bewertung), größte zuerst'],
    ['Gruppe', 'Antworten', FIGURE_LABELS.rank, 'Themenfeld', FIGURE_LABELS.actualMean, FIGURE_LABELS.importanceMean, FIGURE_LABELS.gap, FIGURE_LABELS.change],
  ]);
  overview.getRow(9).font = { bold: true };
  for (const g of results.groups) {
    if (!g.shown) {
      overview.addRow([g.label, null, null, `Keine Ergebnisse: ${HIDDEN_REASON_LABELS[g.hiddenReason!]}`]);
      continue;
    }
    for (const f of fieldsByGap(g.fields)) {
      overview.addRow([g.label, g.answers, f.rank, f.title, f.actualMean, f.importanceMean, f.gap, f.previous ? CHANGE_LABELS[f.previous.change].text : null]);
    }
  }
  formatNumbers(overview, [5, 6, 7]);
  overview.getColumn(1).width = 34;
  overview.getColumn(4).width = 30;

  for (const f of results.fields) {
    const sheet = book.addWorksheet(sheetName(f.title, used));
    sheet.addRow(header(steps)).font = { bold: true };
    sheet.addRows(rows(results, f.id, steps));
    const firstMean = 7 + steps;
    formatNumbers(sheet, [firstMean, firstMean + 1, firstMean + 2, firstMean + 3]);
    sheet.getColumn(1).width = 34;
    sheet.getColumn(3).width = 26;
    sheet.getColumn(5).width = 60;
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function formatNumbers(sheet: ExcelJS.Worksheet, columns: number[]): void {
  for (const c of columns) sheet.getColumn(c).numFmt = '0.00';
}
