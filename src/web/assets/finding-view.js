import { el } from './dom.js';
import { WEEKDAY, formatDate, formatNumber, formatPeriod, obligationBadge, statusBadge } from './german-format.js';

// One finding, readable for a clerk: the German message first, then measured vs. required, the
// passage of Anlage 3 it rests on, and the evidence (per-day figures) as tables.

const EVIDENCE_LABELS = {
  hoursPerDay: 'Stunden je Tag',
  excusedDays: 'Ausgenommene Tage (Feiertage)',
  dueWeekdays: 'Zu berücksichtigende Werktage',
  window: 'Zeitfenster',
  days: 'Tage',
  weekday: 'Wochentag',
  date: 'Datum',
  name: 'Bezeichnung',
  excused: 'Feiertag',
  minutesInWindow: 'Minuten im Zeitfenster',
  qualifies: 'Zählt',
  uncoveredMinutes: 'Nicht erreichbar (Min.)',
  gaps: 'Lücken',
  coveredMinutes: 'Erreichbar (Min.)',
  callCentreOnlyMinutes: 'Nur Call Center (Min.)',
  seatId: 'Regionalstellensitz',
  closedDays: 'Tage ohne eigene Öffnung',
  daysWithoutAccess: 'Tage ohne Zugang',
  seatOpenMinutes: 'Sitz geöffnet (Min.)',
  officerCount: 'Personen in der Arbeitsvermittlung',
  officersBelowTarget: 'Personen unter dem Ziel',
  employerServiceMinutes: 'Minuten Unternehmensservice',
  workingMinutes: 'Arbeitsminuten insgesamt',
  recordCount: 'Anzahl Aufzeichnungen',
  params: 'Parameter der Regel',
  everyDay: 'An jedem Werktag',
  minimumDays: 'Mindestzahl Tage',
  minimumHours: 'Mindeststunden',
  minimumPercent: 'Mindestanteil (%)',
  openUntilAtLeast: 'Geöffnet mindestens bis',
  creditHolidays: 'Feiertage nach Plan anrechnen',
  windowStart: 'Zeitfenster ab',
  windowEnd: 'Zeitfenster bis',
};

const WEEKDAY_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Stored evidence comes back from jsonb with its keys reordered; weekdays are shown Monday first. */
function ordered(obj) {
  const entries = Object.entries(obj);
  if (entries.length && entries.every(([k]) => WEEKDAY_ORDER.includes(k))) entries.sort(([a], [b]) => WEEKDAY_ORDER.indexOf(a) - WEEKDAY_ORDER.indexOf(b));
  return entries;
}

function label(key) {
  return EVIDENCE_LABELS[key] || WEEKDAY[key] || key;
}

function value(key, v) {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'boolean') return v ? 'ja' : 'nein';
  if (typeof v === 'number') return formatNumber(v);
  if (key === 'weekday' && WEEKDAY[v]) return WEEKDAY[v];
  if (key === 'date') return formatDate(v);
  if (Array.isArray(v)) return v.length === 0 ? 'keine' : v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : WEEKDAY[x] || String(x))).join(', ');
  if (typeof v === 'object') return kv(v);
  return String(v);
}

function kv(obj) {
  return el('dl', { class: 'kv' }, ordered(obj).flatMap(([k, v]) => [el('dt', {}, label(k)), el('dd', {}, valueNode(k, v))]));
}

function valueNode(key, v) {
  if (Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === 'object' && !Array.isArray(x))) return rowsTable(v);
  if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length && Object.keys(v).every((k) => WEEKDAY_ORDER.includes(k))) return weekdayTable(v);
  return value(key, v);
}

/** { mon: 3.5, tue: 3.5, … } as one row under the weekday names. */
function weekdayTable(obj) {
  const entries = ordered(obj);
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, entries.map(([k]) => el('th', { scope: 'col' }, WEEKDAY[k])))),
    el('tbody', {}, el('tr', {}, entries.map(([k, v]) => el('td', { class: 'num' }, value(k, v))))),
  );
}

function rowsTable(rows) {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, keys.map((k) => el('th', { scope: 'col' }, label(k))))),
    el('tbody', {}, rows.map((r) => el('tr', {}, keys.map((k) => el('td', { class: typeof r[k] === 'number' ? 'num' : undefined }, value(k, r[k])))))),
  );
}

/** Several periods of one rule: a compact table first, so the trend is visible before the details. */
export function renderFindingsTable(findings) {
  return el(
    'table',
    { class: 'data-table findings-table' },
    el('caption', {}, 'Übersicht je Zeitraum'),
    el('thead', {}, el('tr', {}, ['Zeitraum', 'Stand', 'Gemessen', 'Gefordert'].map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      findings.map((f) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, formatPeriod(f.period)),
          el('td', {}, statusBadge(f.status)),
          el('td', { class: 'num' }, f.measured === null || f.measured === undefined ? '–' : `${formatNumber(f.measured)} ${f.unit || ''}`),
          el('td', { class: 'num' }, f.required === null || f.required === undefined ? '–' : `${formatNumber(f.required)} ${f.unit || ''}`),
        ),
      ),
    ),
  );
}

export function renderEvidence(evidence, open = false) {
  if (!evidence || typeof evidence !== 'object' || Object.keys(evidence).length === 0) return null;
  return el('details', { class: 'evidence', open }, el('summary', {}, 'Nachweise und Einzelwerte'), kv(evidence));
}

/**
 * @param finding a Finding (engine) or AuditFindingView
 * @param options.heading 'h3' | 'h4'; options.compact: status, title and message only;
 *   options.openEvidence: the evidence disclosure starts open
 */
export function renderFinding(finding, options = {}) {
  const heading = options.heading || 'h3';
  const head = el(
    'div',
    { class: 'finding-head' },
    statusBadge(finding.status),
    obligationBadge(finding.obligation),
    el(heading, {}, finding.title || finding.ruleId),
    finding.period ? el('span', { class: 'muted' }, formatPeriod(finding.period)) : null,
  );
  const figures = [];
  if (finding.measured !== null && finding.measured !== undefined) figures.push(['Gemessen', `${formatNumber(finding.measured)} ${finding.unit || ''}`]);
  if (finding.required !== null && finding.required !== undefined) figures.push(['Gefordert', `${formatNumber(finding.required)} ${finding.unit || ''}`]);
  const deviation = finding.deviation
    ? el(
        'p',
        { class: 'deviation-note' },
        el('span', { class: 'deviation-mark' }, '§ 6'),
        ` Beurteilt nach einer vereinbarten Abweichung (${finding.deviation.kind === 'waiver' ? 'Standard ausgesetzt' : 'abweichende Werte'}): ${finding.deviation.reason}`,
        finding.standard ? ` Ohne Abweichung: ${statusText(finding.standard.status)}${finding.standard.required !== null ? `, gefordert ${formatNumber(finding.standard.required)} ${finding.unit || ''}`.trimEnd() : ''}`.replace(/\.?$/, '.') : '',
      )
    : null;
  if (options.compact) {
    return el('article', { class: `finding finding-compact status-${finding.status}`, 'data-rule': finding.ruleId }, head, el('p', { class: 'finding-message' }, finding.message));
  }
  return el(
    'article',
    { class: `finding status-${finding.status}`, 'data-rule': finding.ruleId },
    head,
    el('p', { class: 'finding-message' }, finding.message),
    figures.length ? el('dl', { class: 'figures' }, figures.map(([k, v]) => el('div', {}, el('dt', {}, `${k}:`), el('dd', {}, v)))) : null,
    deviation,
    finding.citation
      ? el('blockquote', { class: 'citation' }, el('cite', {}, `Anlage 3, Abschnitt ${finding.citation.section}`), `„${finding.citation.passage}“`)
      : null,
    renderEvidence(finding.evidence, options.openEvidence),
  );
}

function statusText(status) {
  return { compliant: 'erfüllt', non_compliant: 'nicht erfüllt', insufficient_data: 'Daten fehlen', not_applicable: 'entfällt', waived: 'ausgesetzt' }[status] || status;
}

const NEEDS_ATTENTION = new Set(['non_compliant', 'insufficient_data']);

/**
 * The findings of one schedule or week: what needs attention in full, what is met or does not apply
 * folded away (one click), so the page stays short.
 */
export function renderFindingList(findings, { heading = 'h3' } = {}) {
  const attention = findings.filter((f) => NEEDS_ATTENTION.has(f.status));
  const rest = findings.filter((f) => !NEEDS_ATTENTION.has(f.status));
  return [
    attention.map((f) => renderFinding(f, { heading })),
    rest.length
      ? el(
          'details',
          { class: 'more-findings' },
          el('summary', {}, `${rest.length} ${rest.length === 1 ? 'weiterer Standard' : 'weitere Standards'}: erfüllt, ausgesetzt oder nicht anwendbar`),
          rest.map((f) => renderFinding(f, { heading, compact: true })),
        )
      : null,
  ];
}
