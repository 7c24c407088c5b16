// @ts-check
import { el } from './dom.js';
import { formatDate, formatNumber, formatValue } from './german-format.js';
import { office, officeName, officePath } from './offices.js';
import { obligationBadge, param, periodLabel, roleLabel, rule, statusBadge, statusWording, weekdayName } from './vocabulary.js';

// One finding, readable for a clerk: the German message first, then what was measured against what
// is required (in words that fit the kind of check), what to upload when data is missing, the
// passage of Anlage 3 it rests on, and the evidence (per-day figures) as tables.

/** @typedef {import('./api-types').Finding} Finding */
/** @typedef {import('./dom.js').Child} Child */
/** @typedef {Pick<Finding, 'ruleId' | 'measured' | 'required' | 'unit'>} Figures */

/**
 * German names of the evidence the checks record (src/engine/checks/*.check.ts). A key without a
 * name here is not shown at all: the pages show no codes.
 * @type {Readonly<Record<string, string>>}
 */
export const EVIDENCE_LABELS = {
  hoursPerDay: 'Öffnungsstunden je Tag',
  excusedDays: 'Ausgenommene Tage (Feiertage)',
  dueWeekdays: 'Zu berücksichtigende Werktage',
  window: 'Zeitfenster',
  days: 'Tage',
  weekday: 'Wochentag',
  date: 'Datum',
  name: 'Feiertag',
  excused: 'Feiertag',
  minutesInWindow: 'Minuten im Zeitfenster',
  qualifies: 'Zählt',
  lastsUntil: 'Reicht bis zur verlangten Uhrzeit',
  uncoveredMinutes: 'Nicht erreichbar (Min.)',
  gaps: 'Lücken',
  coveredMinutes: 'Erreichbar (Min.)',
  callCentreOnlyMinutes: 'Nur über das Call Center (Min.)',
  seatId: 'Regionalstellensitz',
  closedDays: 'Tage ohne eigene Öffnung',
  daysWithoutAccess: 'Tage ohne Zugang',
  seatOpenMinutes: 'Sitz geöffnet (Min.)',
  officerCount: 'Personen in der Arbeitsvermittlung',
  officersBelowTarget: 'Personen unter dem Ziel',
  employerServiceMinutes: 'Minuten Unternehmensservice',
  workingMinutes: 'Arbeitsminuten insgesamt',
  recordCount: 'Anzahl Aufzeichnungen',
  params: 'Beurteilt mit',
  role: 'Art der Regionalstelle',
  appliesTo: 'Gilt für',
  // Issue 15: the office registers (appointments outside the opening hours, contacts, handovers).
  areas: 'Bereiche',
  area: 'Bereich',
  outsideSlots: 'Termine außerhalb der Öffnungszeiten',
  insideSlots: 'Termine während der Öffnungszeiten',
  unknownSlots: 'Termine an Tagen ohne Öffnungszeitenplan',
  outsideAppointments: 'Termine außerhalb der Öffnungszeiten',
  time: 'Uhrzeit',
  holiday: 'Feiertag',
  daysWithoutSchedule: 'Tage ohne Öffnungszeitenplan',
  slotCount: 'Gemeldete Termine',
  byAppointment: 'Kontakte mit Termin',
  walkIn: 'Kontakte ohne Termin',
  sharePercent: 'Anteil mit Termin (%)',
  contacts: 'Kontakte insgesamt',
  caseloadSize: 'Betreute Fälle',
  // Registers of sections 4.1 and 4.2 (team-delegates, practice-meetings, employer-contacts checks).
  windowFrom: 'Rückblick ab',
  teams: 'Multiplikatorenteams',
  team: 'Team',
  daysWithout: 'Tage ohne Person',
  daysWithSeveral: 'Tage mit mehr als einer Person',
  // Team delegates and caseload handovers alike.
  changes: 'Wechsel der Person',
  changeDates: 'Wechsel am',
  audiences: 'Zielgruppen',
  audience: 'Zielgruppe',
  meetingsHeld: 'Treffen',
  meetingsCounted: 'davon an alle Regionalstellen',
  meetings: 'Praxistreffen',
  officesNotInvited: 'Nicht eingeladen',
  officesAttended: 'Teilnehmende Regionalstellen',
  employerCount: 'Unternehmen',
  employersChanged: 'Unternehmen mit Wechsel',
  changedEmployers: 'Mit Wechsel (Auswahl)',
  employersWithTwoContacts: 'Unternehmen mit zwei Ansprechpersonen zugleich',
  twoContacts: 'Zwei Ansprechpersonen zugleich (Auswahl)',
  employer: 'Unternehmen',
  employersWithOtherRole: 'Unternehmen ohne Ansprechperson aus der Arbeitsvermittlung',
  otherRoleEmployers: 'Andere Funktion (Auswahl)',
};

const WEEKDAY_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** @param {unknown} v */
const isWeekday = (v) => typeof v === 'string' && WEEKDAY_ORDER.includes(v);

/**
 * Measured and required in words that fit the check: "120 Min. nicht erreichbar" rather than
 * "Gemessen 120 Min. / Gefordert 0 Min." for the hotline.
 * @type {Readonly<Record<string, (f: Figures) => { measured?: string, required?: string }>>}
 */
const FIGURES = {
  'weekly-hours': (f) => ({ measured: `${n(f.measured)} Std. geöffnet`, required: `mindestens ${n(f.required)} Std.` }),
  'weekday-window': (f) => ({ measured: `an ${days(f.measured)} erfüllt`, required: `an ${days(f.required)} verlangt` }),
  'tandem-seat-access': (f) => ({ measured: f.measured === 0 ? 'an jedem Tag Zugang' : `${days(f.measured, false)} ohne Zugang`, required: 'Zugang an jedem Werktag' }),
  'hotline-coverage': (f) => ({ measured: f.measured === 0 ? 'durchgehend erreichbar' : `${n(f.measured)} Min. nicht erreichbar`, required: 'durchgehend erreichbar' }),
  // Issue 11: judged on the officers, measured = share of placement officers who reach the target.
  'time-share': (f) => ({ measured: `${n(f.measured)} % der Vermittlung erreichen den Anteil`, required: `Ziel ${n(f.required)} % der Vermittlung` }),
  'one-to-one': (f) => ({ measured: f.measured === 0 ? 'alle betreuen beide Seiten' : `${n(f.measured)} ${f.measured === 1 ? 'Person' : 'Personen'} außerhalb`, required: 'alle betreuen beide Seiten' }),
  'staff-availability': (f) => ({ measured: f.measured === 0 ? 'an jedem Werktag mit eigenem Personal' : `${days(f.measured, false)} zu wenig eigenes Personal`, required: 'an jedem Werktag' }),
  'district-core-hours': (f) => ({ measured: `${n(f.measured)} Std. gemeinsame Kernzeit`, required: `mindestens ${n(f.required)} Std.` }),
  'coverage-share': (f) => ({ measured: `${n(f.measured)} % über das Call Center` }),
  'survey-coverage': (f) => ({ measured: `${n(f.measured)} Regionalstellen befragt`, required: `alle ${n(f.required)} Regionalstellen` }),
  // Section 4.1/4.2 registers, judged per month over a look-back (catalog parameters).
  'team-delegates': (f) => ({ measured: f.measured === 0 ? 'an jedem Tag je Team genau eine Person' : `${days(f.measured, false)} ohne genau eine Person je Team`, required: 'je Team an jedem Tag genau eine feste Person' }),
  'practice-meetings': (f) => ({ measured: `${n(f.measured)} Praxistreffen je Zielgruppe an alle Regionalstellen`, required: `mindestens ${n(f.required)} je Zielgruppe` }),
  'employer-contacts': (f) => ({ measured: `${n(f.measured)} % der Unternehmen mit Wechsel der Ansprechperson`, required: `höchstens ${n(f.required)} %` }),
  'outside-opening-appointments': (f) => ({ measured: `${n(f.measured)} von ${n(f.required)} Bereichen mit Termin außerhalb der Öffnungszeiten`, required: 'jeder Bereich' }),
  'appointment-share': (f) => ({ measured: `${n(f.measured)} % der Kontakte mit Termin` }),
  'handover-rate': (f) => ({ measured: `${n(f.measured)} % Zuständigkeitswechsel` }),
};

/** @param {number | null} v */
function n(v) {
  return formatNumber(v);
}

/**
 * @param {number | null} v
 * @param {boolean} [dative] "an 3 Tagen" rather than "3 Tage"
 */
function days(v, dative = true) {
  if (v === 1) return '1 Tag';
  return `${formatNumber(v)} ${dative ? 'Tagen' : 'Tage'}`;
}

/**
 * The figures of a finding as two short phrases; empty where nothing was measured.
 * @param {Figures} f
 * @returns {{ measured?: string, required?: string }}
 */
export function describeFigures(f) {
  if (f.measured === null || f.measured === undefined) return {};
  const check = rule(f.ruleId)?.check;
  const words = check ? FIGURES[check] : undefined;
  if (words) return words(f);
  return { measured: formatValue(f.measured, f.unit), required: f.required === null ? undefined : formatValue(f.required, f.unit) };
}

/**
 * What has to be uploaded when a finding says "Daten fehlen", and where.
 * @type {Readonly<Record<string, { what: string, form: (officeId: string, seatId?: string | null) => string | undefined, action: string }>>}
 */
const MISSING = {
  'weekly-hours': { what: 'Es ist kein Öffnungszeitenplan hinterlegt.', action: 'Öffnungszeiten einreichen', form: (id) => `${officePath(id)}/oeffnungszeiten` },
  'weekday-window': { what: 'Es ist kein Öffnungszeitenplan hinterlegt.', action: 'Öffnungszeiten einreichen', form: (id) => `${officePath(id)}/oeffnungszeiten` },
  'tandem-seat-access': {
    what: 'Es fehlt der Öffnungszeitenplan des Regionalstellensitzes.',
    action: 'Öffnungszeiten des Sitzes einreichen',
    form: (_id, seatId) => (seatId && office(seatId) ? `${officePath(seatId)}/oeffnungszeiten` : undefined),
  },
  'hotline-coverage': { what: 'Es fehlen Angaben zur Besetzung der Hotline des Unternehmensservice.', action: 'Hotline-Besetzung hochladen', form: (id) => `${officePath(id)}/nachweise#hotline-coverage` },
  'coverage-share': { what: 'Es fehlen Angaben zur Besetzung der Hotline des Unternehmensservice.', action: 'Hotline-Besetzung hochladen', form: (id) => `${officePath(id)}/nachweise#hotline-coverage` },
  'time-share': { what: 'Es fehlen Zeiterfassungen der Arbeitsvermittlung.', action: 'Zeiterfassung hochladen', form: (id) => `${officePath(id)}/nachweise#time-records` },
  'team-delegates': { what: 'Es sind keine Teammitgliedschaften in den Multiplikatorenteams eingetragen.', action: 'Teammitgliedschaften hochladen', form: (id) => `${officePath(id)}/nachweise#team-membership` },
  // A district finding names no office, so no link: the register is on the coordination office's overview.
  'practice-meetings': { what: 'Es sind keine Praxistreffen eingetragen (Register der Koordinierungsstelle auf der Übersicht).', action: 'Praxistreffen eintragen', form: () => '/#practice-meetings' },
  'employer-contacts': { what: 'Es sind keine Ansprechpersonen der Unternehmen eingetragen.', action: 'Ansprechpersonen hochladen', form: (id) => `${officePath(id)}/nachweise#employer-assignments` },
  'outside-opening-appointments': { what: 'Es fehlen Termine dieses Monats (oder der Öffnungszeitenplan für ihre Tage).', action: 'Termine hochladen', form: (id) => `${officePath(id)}/nachweise#appointment-slots` },
  'appointment-share': { what: 'Es fehlen Kontaktzahlen mit und ohne Termin.', action: 'Kontaktzahlen hochladen', form: (id) => `${officePath(id)}/nachweise#contact-counts` },
  'handover-rate': { what: 'Es fehlen Zahlen zu Zuständigkeitswechseln.', action: 'Zuständigkeitswechsel hochladen', form: (id) => `${officePath(id)}/nachweise#caseload-handovers` },
};

/**
 * "Daten fehlen" says what to upload, with a link to the form (for an office this session may see).
 * @param {Pick<Finding, 'ruleId' | 'status' | 'period'>} finding
 * @param {string | undefined} officeId
 */
export function missingDataHint(finding, officeId) {
  // A plan (regular week) has no evidence of real days to upload: only real weeks and months do.
  if (finding.status !== 'insufficient_data' || !('period' in finding) || !finding.period || finding.period === 'regular-week') return null;
  const check = rule(finding.ruleId)?.check;
  const missing = check ? MISSING[check] : undefined;
  if (!missing) return null;
  const href = officeId && office(officeId) ? missing.form(officeId, office(officeId)?.seatId) : undefined;
  return el('p', { class: 'missing-data' }, el('span', { 'aria-hidden': 'true' }, '? '), missing.what, ' ', href ? el('a', { href }, missing.action) : null);
}

/**
 * Stored evidence comes back from jsonb with its keys reordered; weekdays are shown Monday first.
 * @param {Record<string, unknown>} obj
 */
function ordered(obj) {
  const entries = Object.entries(obj).filter(([k]) => k in EVIDENCE_LABELS || isWeekday(k));
  if (entries.length && entries.every(([k]) => isWeekday(k))) entries.sort(([a], [b]) => WEEKDAY_ORDER.indexOf(a) - WEEKDAY_ORDER.indexOf(b));
  return entries;
}

/** @param {string} key */
function label(key) {
  return EVIDENCE_LABELS[key] ?? weekdayName(key);
}

/**
 * @param {string} key
 * @param {unknown} v
 * @param {string} ruleId
 * @returns {Child}
 */
function value(key, v, ruleId) {
  if (v === null || v === undefined || v === '') return '–';
  if (key === 'params' && typeof v === 'object') return paramList(ruleId, /** @type {Record<string, unknown>} */ (v));
  if (typeof v === 'boolean') return v ? 'ja' : 'nein';
  if (typeof v === 'number') return formatNumber(v);
  if (key === 'role' && typeof v === 'string') return roleLabel(v);
  if (key === 'seatId' && typeof v === 'string') return officeName(v, 'der Regionalstellensitz');
  if (key === 'window' && typeof v === 'string') return `${v} Uhr`;
  if ((key === 'date' || key === 'windowFrom') && typeof v === 'string') return formatDate(v);
  if (isWeekday(v)) return weekdayName(/** @type {string} */ (v));
  if (Array.isArray(v)) {
    if (v.length === 0) return 'keine';
    if (v.every((x) => x && typeof x === 'object' && !Array.isArray(x))) return rowsTable(v, ruleId);
    return v.map((x) => (isWeekday(x) ? weekdayName(x) : key === 'appliesTo' ? roleLabel(String(x)) : /^\d{4}-\d{2}-\d{2}$/.test(String(x)) ? formatDate(String(x)) : String(x))).join(', ');
  }
  if (typeof v === 'object') {
    const obj = /** @type {Record<string, unknown>} */ (v);
    if (Object.keys(obj).length && Object.keys(obj).every(isWeekday)) return weekdayTable(obj, ruleId);
    return kv(obj, ruleId);
  }
  return String(v);
}

/**
 * The values a finding was judged with, named as the catalog names them.
 * @param {string} ruleId
 * @param {Record<string, unknown>} params
 */
function paramList(ruleId, params) {
  const entries = Object.entries(params).filter(([key]) => param(ruleId, key));
  if (entries.length === 0) return 'den Werten des Standards';
  return el(
    'ul',
    { class: 'param-list' },
    entries.map(([key, v]) => {
      const p = /** @type {{ label: string, unit?: string }} */ (param(ruleId, key));
      return el('li', {}, `${p.label}: ${formatValue(v, p.unit)}`);
    }),
  );
}

/**
 * @param {Record<string, unknown>} obj
 * @param {string} ruleId
 */
function kv(obj, ruleId) {
  return el('dl', { class: 'kv' }, ordered(obj).flatMap(([k, v]) => [el('dt', {}, label(k)), el('dd', {}, value(k, v, ruleId))]));
}

/**
 * { mon: 3.5, tue: 3.5, … } as one row under the weekday names.
 * @param {Record<string, unknown>} obj
 * @param {string} ruleId
 */
function weekdayTable(obj, ruleId) {
  const entries = ordered(obj);
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, entries.map(([k]) => el('th', { scope: 'col' }, weekdayName(k))))),
    el('tbody', {}, el('tr', {}, entries.map(([k, v]) => el('td', { class: 'num' }, value(k, v, ruleId))))),
  );
}

/**
 * @param {unknown[]} rows
 * @param {string} ruleId
 */
function rowsTable(rows, ruleId) {
  const records = /** @type {Array<Record<string, unknown>>} */ (rows);
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))].filter((k) => k in EVIDENCE_LABELS);
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, keys.map((k) => el('th', { scope: 'col' }, label(k))))),
    el('tbody', {}, records.map((r) => el('tr', {}, keys.map((k) => el('td', { class: typeof r[k] === 'number' ? 'num' : undefined }, value(k, r[k], ruleId)))))),
  );
}

/**
 * Several periods of one rule: a compact table first, so the trend is visible before the details.
 * @param {Array<Finding & { period?: string }>} findings
 */
export function renderFindingsTable(findings) {
  return el(
    'table',
    { class: 'data-table findings-table' },
    el('caption', {}, 'Übersicht je Zeitraum'),
    el('thead', {}, el('tr', {}, ['Zeitraum', 'Stand', 'Ergebnis', 'Anforderung'].map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      findings.map((f) => {
        const figures = describeFigures(f);
        return el('tr', {}, el('th', { scope: 'row' }, f.period ? periodLabel(f.period) : '–'), el('td', {}, statusBadge(f.status)), el('td', {}, figures.measured ?? '–'), el('td', {}, figures.required ?? '–'));
      }),
    ),
  );
}

/**
 * @param {Record<string, unknown> | undefined} evidence
 * @param {string} ruleId
 * @param {boolean} [open]
 */
export function renderEvidence(evidence, ruleId, open = false) {
  if (!evidence || typeof evidence !== 'object' || ordered(evidence).length === 0) return null;
  return el('details', { class: 'evidence', open }, el('summary', {}, 'Nachweise und Einzelwerte'), kv(evidence, ruleId));
}

/**
 * @typedef {object} FindingOptions
 * @property {'h2' | 'h3' | 'h4'} [heading]
 * @property {boolean} [compact] status, title and message only
 * @property {boolean} [openEvidence] the evidence disclosure starts open
 * @property {string} [officeId] the office judged (for the upload link of "Daten fehlen")
 */

/**
 * @param {Finding & { period?: string, officeId?: string | null }} finding a Finding (engine) or an audit finding
 * @param {FindingOptions} [options]
 */
export function renderFinding(finding, options = {}) {
  const heading = options.heading ?? 'h3';
  const officeId = options.officeId ?? finding.officeId;
  const head = el(
    'div',
    { class: 'finding-head' },
    statusBadge(finding.status),
    obligationBadge(finding.obligation),
    el(heading, {}, finding.title),
    finding.period && finding.period !== 'regular-week' ? el('span', { class: 'muted' }, periodLabel(finding.period)) : null,
  );
  const hint = missingDataHint(finding, officeId ?? undefined);
  if (options.compact) {
    return el('article', { class: `finding finding-compact status-${finding.status}`, 'data-rule': finding.ruleId }, head, el('p', { class: 'finding-message' }, finding.message), hint);
  }
  const figures = describeFigures(finding);
  return el(
    'article',
    { class: `finding status-${finding.status}`, 'data-rule': finding.ruleId },
    head,
    el('p', { class: 'finding-message' }, finding.message),
    hint,
    figures.measured
      ? el(
          'dl',
          { class: 'figures' },
          el('div', {}, el('dt', {}, 'Ergebnis:'), el('dd', {}, figures.measured)),
          figures.required ? el('div', {}, el('dt', {}, 'Anforderung:'), el('dd', {}, figures.required)) : null,
        )
      : null,
    deviationNote(finding),
    el('blockquote', { class: 'citation' }, el('cite', {}, `Anlage 3, Abschnitt ${finding.citation.section}`), `„${finding.citation.passage}“`),
    renderEvidence(finding.evidence, finding.ruleId, options.openEvidence),
  );
}

/** @param {Finding} finding */
function deviationNote(finding) {
  const deviation = finding.deviation;
  if (!deviation) return null;
  const changes = Object.entries(deviation.params ?? {})
    .map(([key, v]) => {
      const p = param(finding.ruleId, key);
      return p ? `${p.label} ${formatValue(v, p.unit)}` : null;
    })
    .filter(Boolean);
  const standard = finding.standard
    ? ` Ohne Abweichung: ${statusWording(finding.standard.status).text}${finding.standard.required !== null ? `, ${describeFigures({ ...finding, measured: finding.measured ?? 0, required: finding.standard.required }).required ?? ''}` : ''}.`
    : '';
  return el(
    'p',
    { class: 'deviation-note' },
    el('span', { class: 'deviation-mark' }, '§ 6'),
    ` Beurteilt nach einer vereinbarten Abweichung (${deviation.kind === 'waiver' ? 'Standard ausgesetzt' : `abweichende Werte: ${changes.join(', ')}`}). Begründung: ${deviation.reason}.`,
    standard.replace(/, \./, '.'),
  );
}

const NEEDS_ATTENTION = new Set(['non_compliant', 'insufficient_data']);

/**
 * The findings of one schedule or week: what needs attention in full, what is met or does not apply
 * folded away (one click), so the page stays short.
 * @param {Finding[]} findings
 * @param {{ heading?: 'h3' | 'h4', officeId?: string }} [options]
 */
export function renderFindingList(findings, { heading = 'h3', officeId } = {}) {
  const attention = findings.filter((f) => NEEDS_ATTENTION.has(f.status));
  const rest = findings.filter((f) => !NEEDS_ATTENTION.has(f.status));
  return [
    attention.map((f) => renderFinding(f, { heading, officeId })),
    rest.length
      ? el(
          'details',
          { class: 'more-findings' },
          el('summary', {}, `${rest.length} ${rest.length === 1 ? 'weiterer Standard' : 'weitere Standards'}: erfüllt, ausgesetzt oder entfällt`),
          rest.map((f) => renderFinding(f, { heading, compact: true, officeId })),
        )
      : null,
  ];
}
