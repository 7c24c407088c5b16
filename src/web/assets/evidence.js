// @ts-check
import { api, ApiError, apiText, errorText } from './api-client.js';
import { append, clear, el } from './dom.js';
import { formatDate, formatNumber } from './german-format.js';
import { periodLabel } from './vocabulary.js';

// Upload forms for the evidence of an office: closures, hotline coverage and time records, each as
// a CSV file or pasted rows. "Vorschau" asks the API what the import would store (POST
// …/<kind>/preview: same validation, nothing written); a bad file shows its errors by line and
// field next to the lines they are about. "Übernehmen" imports exactly the previewed text. The
// columns and an example row come from the template the API offers for download.

/** @typedef {import('./api-types').ImportPreview} ImportPreview */
/** @typedef {import('./api-types').ImportResult} ImportResult */
/** @typedef {import('./api-types').ErrorDetail} ErrorDetail */
/** @typedef {import('./api-types').EvidenceKindName} EvidenceKindName */

/** @typedef {{ kind: EvidenceKindName, title: string, about: string, path?: string }} UploadKind */

// The office page's forms; the coordination page uses uploadCard for the district's practice meetings.
const root = document.getElementById('evidence');
const officeId = root?.dataset.officeId ?? '';

/** @type {UploadKind[]} */
const KINDS = [
  { kind: 'closures', title: 'Schließungen', about: 'Tage oder Stunden, an denen die Regionalstelle abweichend vom Öffnungszeitenplan geschlossen war. Ohne „von“ und „bis“ gilt der ganze Tag.' },
  { kind: 'hotline-coverage', title: 'Hotline-Besetzung des Unternehmensservice', about: 'Zeiträume, in denen die Hotline durch eigenes Personal oder das Call Center besetzt war (Abschnitt 4.2: Montag bis Freitag 8 bis 17 Uhr).' },
  { kind: 'time-records', title: 'Zeiterfassung der Arbeitsvermittlung', about: 'Minuten je Person, Tag und Tätigkeit, mit Kürzel statt Namen. Gezeigt werden nur Summen je Monat, nie Werte einer Person.' },
  { kind: 'appointment-slots', title: 'Termine außerhalb der Öffnungszeiten', about: 'Angebotene oder wahrgenommene Termine mit Datum, Uhrzeit und Bereich (Leistung, Arbeitsvermittlung, Fachberatung). Abschnitt 2: Auch außerhalb der Öffnungszeiten muss es terminierte Vorsprachen geben; geprüft wird je Monat gegen den Öffnungszeitenplan des Tages und gemeldete Schließungen.' },
  { kind: 'contact-counts', title: 'Kontakte mit und ohne Termin', about: 'Je Monat und Bereich die Zahl der Kontakte mit Termin und ohne Termin (Abschnitt 2: Arbeit nach Möglichkeit auf Basis von Terminvereinbarungen). Nur Zahlen, keine Personen.' },
  { kind: 'caseload-handovers', title: 'Zuständigkeitswechsel', about: 'Je Monat die Zahl der betreuten Fälle und wie oft die zuständige Person wechselte (Abschnitt 1.2: personelle Kontinuität). Nur Zahlen, keine Personen.' },
  { kind: 'team-membership', title: 'Teammitgliedschaften in den Multiplikatorenteams', about: 'Je Team (Arbeitsvermittlung, Fachberatung) die entsandte feste Person als Kürzel, mit Beginn und – wenn sie endet – letztem Tag (Abschnitt 4.1).' },
  { kind: 'employer-assignments', title: 'Ansprechpersonen der Unternehmen', about: 'Je Unternehmen (Kennung, kein Firmenname) die Ansprechperson als Kürzel, ihre Funktion und seit wann (Abschnitt 4.2: eine feste Ansprechperson aus der Arbeitsvermittlung).' },
];

if (root) for (const k of KINDS) root.append(uploadCard(k));

/** @param {UploadKind} k */
export function uploadCard({ kind, title, about, path }) {
  const id = kind;
  const base = path ?? `/api/v1/offices/${encodeURIComponent(officeId)}/${kind}`;
  const columns = el('p', { class: 'hint', id: `${id}-columns` }, 'Spalten werden geladen …');
  const file = el('input', { type: 'file', id: `${id}-file`, accept: '.csv,text/csv', 'aria-describedby': `${id}-columns` });
  const rows = el('textarea', { id: `${id}-rows`, rows: 6, spellcheck: 'false', class: 'rows-input', 'aria-describedby': `${id}-columns ${id}-rows-hint` });
  const previewButton = el('button', { type: 'button', class: 'button-primary' }, 'Vorschau');
  const importButton = el('button', { type: 'button', disabled: true }, 'Übernehmen');
  const status = el('div', { id: `${id}-status`, role: 'status', 'aria-live': 'polite' });
  const output = el('div', { id: `${id}-output` });
  /** @type {string | null} the text the shown preview is about; import sends exactly this */
  let previewed = null;

  apiText(`/api/v1/evidence/templates/${kind}`)
    .then((template) => {
      const [header, example] = template.replace(/^\uFEFF/, '').split(/\r?\n/);
      append(clear(columns), ['Spalten: ', el('code', {}, header.split(';').join('; ')), example ? [' – Beispiel: ', el('code', {}, example)] : null, '. Trennzeichen „;“, „,“ oder Tabulator; Datum wie 02.03.2026, Uhrzeit wie 8.30.']);
    })
    .catch(() => clear(columns).append('Die Spalten stehen in der Vorlage.'));

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    rows.value = await readCsvFile(chosen);
    invalidate();
    clear(status).append(el('p', { class: 'muted' }, `Datei „${chosen.name}“ geladen: ${rows.value.split(/\r?\n/).filter((l) => l.trim()).length} Zeilen. Bitte die Vorschau ansehen.`));
  });
  rows.addEventListener('input', () => invalidate());

  function invalidate() {
    previewed = null;
    importButton.disabled = true;
    clear(output);
  }

  previewButton.addEventListener('click', async () => {
    const text = rows.value;
    clear(output);
    clear(status);
    if (!text.trim()) {
      status.append(el('p', { class: 'field-error' }, '✗ Bitte eine CSV-Datei wählen oder Zeilen einfügen (mit Kopfzeile).'));
      rows.focus();
      return;
    }
    previewButton.disabled = true;
    try {
      /** @type {ImportPreview} */
      const preview = await api(`${base}/preview`, { method: 'POST', text, contentType: 'text/csv; charset=utf-8' });
      previewed = text;
      importButton.disabled = false;
      status.append(el('p', { class: 'notice' }, `Vorschau: ${counts(preview)}. Es wurde noch nichts gespeichert.`));
      output.append(previewTable(preview));
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) output.append(errorTable(err, text));
      else status.append(el('p', { class: 'error-box' }, errorText(err)));
    } finally {
      previewButton.disabled = false;
    }
  });

  importButton.addEventListener('click', async () => {
    if (previewed === null) return;
    importButton.disabled = true;
    clear(status);
    try {
      /** @type {ImportResult} */
      const result = await api(base, { method: 'POST', text: previewed, contentType: 'text/csv; charset=utf-8' });
      rows.value = '';
      file.value = '';
      invalidate();
      const note = el('p', { class: 'notice', tabindex: '-1' }, `Gespeichert: ${counts(result)}.`);
      status.append(note);
      note.focus();
    } catch (err) {
      importButton.disabled = false;
      if (err instanceof ApiError && err.status === 400) output.append(errorTable(err, previewed));
      else status.append(el('p', { class: 'error-box' }, errorText(err)));
    }
  });

  return el(
    'section',
    { class: 'card upload', id, 'aria-labelledby': `${id}-heading` },
    el('h2', { id: `${id}-heading` }, title),
    el('p', {}, about),
    columns,
    el('p', {}, el('a', { class: 'button-link', href: `/api/v1/evidence/templates/${kind}`, download: true }, 'Vorlage herunterladen (CSV)')),
    el(
      'div',
      { class: 'upload-inputs' },
      el('div', { class: 'field' }, el('label', { for: `${id}-file` }, 'CSV-Datei'), file),
      el(
        'div',
        { class: 'field' },
        el('label', { for: `${id}-rows` }, 'oder Zeilen einfügen'),
        rows,
        el('p', { class: 'hint', id: `${id}-rows-hint` }, 'Erste Zeile: die Spaltennamen. Aus Excel kopierte Zeilen (mit Tabulatoren) gehen auch.'),
      ),
    ),
    el('p', { class: 'toolbar' }, previewButton, importButton),
    status,
    output,
  );
}

/** @param {{ rows: number, inserted: number, updated: number, unchanged: number }} r */
function counts(r) {
  return `${formatNumber(r.rows)} ${r.rows === 1 ? 'Zeile' : 'Zeilen'}, davon ${formatNumber(r.inserted)} neu, ${formatNumber(r.updated)} korrigiert, ${formatNumber(r.unchanged)} unverändert`;
}

/**
 * Excel saves "CSV UTF-8" or, as plain "CSV", Windows-1252: read UTF-8 and fall back when the text
 * has characters UTF-8 could not decode.
 * @param {File} file
 */
async function readCsvFile(file) {
  const bytes = await file.arrayBuffer();
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  return utf8.includes('\uFFFD') ? new TextDecoder('windows-1252').decode(bytes) : utf8.replace(/^\uFEFF/, '');
}

/** @param {ImportPreview} preview */
function previewTable(preview) {
  const shown = preview.records.length;
  return el(
    'div',
    { class: 'preview' },
    el(
      'table',
      { class: 'data-table preview-table' },
      el('caption', {}, shown < preview.total ? `So würde gespeichert (die ersten ${shown} von ${preview.total})` : 'So würde gespeichert'),
      el('thead', {}, el('tr', {}, preview.columns.map((c) => el('th', { scope: 'col' }, c.label)))),
      el('tbody', {}, preview.records.map((r) => el('tr', {}, preview.columns.map((c) => el('td', { class: typeof r[c.field] === 'number' ? 'num' : undefined }, cellText(r[c.field], c.values)))))),
    ),
  );
}

/**
 * @param {string | number | null | undefined} value
 * @param {Record<string, string> | undefined} words
 */
function cellText(value, words) {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return formatNumber(value);
  if (words && value in words) return words[value];
  const instant = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(value);
  if (instant) return `${instant[3]}.${instant[2]}.${instant[1]} ${instant[4]}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (/^\d{4}-\d{2}$/.test(value)) return periodLabel(value);
  return value;
}

/**
 * The errors of a refused file next to the lines they are about: line number, the line as written,
 * and what is wrong with which field. Nothing was stored.
 * @param {ApiError} err
 * @param {string} text
 */
function errorTable(err, text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  /** @type {Map<number | undefined, ErrorDetail[]>} */
  const byLine = new Map();
  for (const d of err.details) byLine.set(d.line, [...(byLine.get(d.line) ?? []), d]);
  const withLine = [...byLine.keys()].filter((l) => l !== undefined).length;
  const summary =
    err.details.length === 0
      ? err.message
      : `Die Daten enthalten ${err.details.length === 1 ? 'einen Fehler' : `${err.details.length} Fehler`}${withLine ? ` in ${withLine === 1 ? 'einer Zeile' : `${withLine} Zeilen`}` : ''}; es wurde nichts gespeichert. Bitte korrigieren und die Vorschau erneut ansehen.`;
  return el(
    'div',
    { class: 'upload-errors', role: 'alert' },
    el('p', { class: 'error-box' }, el('span', { 'aria-hidden': 'true' }, '✗ '), summary),
    err.details.length
      ? el(
          'table',
          { class: 'data-table error-table' },
          el('caption', { class: 'visually-hidden' }, 'Fehler je Zeile'),
          el('thead', {}, el('tr', {}, ['Zeile', 'Inhalt', 'Fehler'].map((h) => el('th', { scope: 'col' }, h)))),
          el(
            'tbody',
            {},
            [...byLine].map(([line, details]) =>
              el(
                'tr',
                { 'data-line': line ?? '' },
                el('th', { scope: 'row' }, line === undefined ? '–' : String(line)),
                el('td', {}, line === undefined ? '' : el('code', {}, lines[line - 1] ?? '')),
                el('td', {}, el('ul', {}, details.map((d) => el('li', {}, d.field ? [el('strong', {}, d.field), `: ${d.message}`] : d.message)))),
              ),
            ),
          ),
        )
      : null,
  );
}
