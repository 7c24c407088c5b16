// @ts-check
import { api, ApiError, errorText } from './api-client.js';
import { weekChart, weekChartLegend } from './charts.js';
import { CLOCK_INPUT_MESSAGE, normaliseClock } from './clock-text.js';
import { append, byId, clear, el, showError } from './dom.js';
import { renderFinding, renderFindingList } from './finding-view.js';
import { formatDate, formatDateTime } from './german-format.js';
import { officePath } from './offices.js';
import { SCHEDULE_DAYS, statusBadge, weekdayName } from './vocabulary.js';

// Schedule form: a week of opening times (or opening_hours text). Times may be typed the way the
// agreement writes them ("8", "8.30", "12,30"): they are read with the same reader as the API and
// shown normalised when the field is left. While typing, the plan is pre-checked against the
// standards (POST /api/v1/schedules/check, debounced); in opening_hours mode the week as read is
// drawn as a chart, with a warning where a later rule replaces an earlier one. Submitting stores a
// new version (POST /api/v1/schedules); the API's 400 details are shown next to their fields.

/** @typedef {import('./api-types').ScheduleCheckView} ScheduleCheckView */
/** @typedef {import('./api-types').ScheduleVersionView} ScheduleVersionView */
/** @typedef {import('./api-types').ErrorDetail} ErrorDetail */
/** @typedef {(typeof SCHEDULE_DAYS)[number]} Day */
/** @typedef {{ from: string, to: string }} Row */

const root = byId('schedule-form');
const officeId = root.dataset.officeId ?? '';
const today = root.dataset.today ?? '';
const PRECHECK_DELAY = 400;
const PART_NAMES = { from: 'von', to: 'bis' };

/** @type {{ mode: 'week' | 'text', week: Record<Day, Row[]>, timer: number | undefined, controller: AbortController | null, seq: number }} */
const state = { mode: 'week', week: emptyWeek(), timer: undefined, controller: null, seq: 0 };

/** @returns {Record<Day, Row[]>} */
function emptyWeek() {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] };
}

const validFrom = el('input', { id: 'validFrom', name: 'validFrom', type: 'date', required: true, value: today, 'aria-describedby': 'validFrom-error' });
const validUntil = el('input', { id: 'validUntil', name: 'validUntil', type: 'date', 'aria-describedby': 'validUntil-hint validUntil-error' });
const openingHours = el('textarea', { id: 'openingHours', name: 'openingHours', rows: 3, spellcheck: 'false', 'aria-describedby': 'openingHours-hint openingHours-error' });
const weekBody = el('tbody', {});
const weekPanel = el(
  'div',
  { id: 'week-panel' },
  el('p', { class: 'hint', id: 'week-hint' }, 'Uhrzeiten wie gewohnt eingeben, z. B. 8, 8.30, 12,30 oder 17:00; sie werden beim Verlassen des Feldes als HH:MM angezeigt.'),
  el('table', { class: 'week-table' }, el('caption', { class: 'visually-hidden' }, 'Öffnungszeiten je Wochentag'), weekBody),
  el('p', { id: 'week-error', class: 'field-error', hidden: true }),
);
const ohPreview = el('div', { id: 'oh-preview', 'aria-live': 'polite' });
const textPanel = el(
  'div',
  { id: 'text-panel', hidden: true },
  el(
    'div',
    { class: 'field' },
    el('label', { for: 'openingHours' }, 'Öffnungszeiten als opening_hours-Text'),
    openingHours,
    el('p', { id: 'openingHours-hint', class: 'hint' }, 'Beispiel: Mo-Fr 08:00-12:30; Th 08:00-12:30,14:00-18:00. Nach „;“ ersetzt eine Regel die früheren für ihre Tage; mit „,“ kommen Zeiten hinzu.'),
    el('p', { id: 'openingHours-error', class: 'field-error', hidden: true }),
  ),
  ohPreview,
);
const formError = el('div', { id: 'form-error', role: 'alert' });
const submitButton = el('button', { type: 'submit', class: 'button-primary' }, 'Öffnungszeiten einreichen');
const precheckStatus = el('p', { id: 'precheck-status', role: 'status' }, 'Die Vorabprüfung erscheint, sobald Öffnungszeiten eingetragen sind.');
const precheckList = el('div', { id: 'precheck-findings' });
const result = el('section', { id: 'result', 'aria-labelledby': 'result-heading', hidden: true });

const form = el(
  'form',
  { id: 'schedule', class: 'card stack', novalidate: true, onsubmit: submit, oninput: schedulePrecheck, onchange: schedulePrecheck },
  el(
    'fieldset',
    { class: 'toolbar' },
    el('legend', {}, 'Gültigkeit'),
    el('div', { class: 'field' }, el('label', { for: 'validFrom' }, 'Gültig ab'), validFrom, el('p', { id: 'validFrom-error', class: 'field-error', hidden: true })),
    el('div', { class: 'field' }, el('label', { for: 'validUntil' }, 'Gültig bis (optional)'), validUntil, el('p', { id: 'validUntil-hint', class: 'hint' }, 'Leer lassen: gilt bis auf Weiteres.'), el('p', { id: 'validUntil-error', class: 'field-error', hidden: true })),
  ),
  el(
    'fieldset',
    {},
    el('legend', {}, 'Eingabe'),
    el(
      'div',
      { class: 'mode-switch' },
      el('label', {}, el('input', { type: 'radio', name: 'mode', value: 'week', checked: true, onchange: () => setMode('week') }), ' Wochentabelle'),
      el('label', {}, el('input', { type: 'radio', name: 'mode', value: 'text', onchange: () => setMode('text') }), ' opening_hours-Text einfügen'),
    ),
  ),
  weekPanel,
  textPanel,
  formError,
  el('p', {}, submitButton),
);

append(clear(root), [
  result,
  el('div', { class: 'form-layout' }, form, el('aside', { class: 'card precheck', 'aria-labelledby': 'precheck-heading' }, el('h2', { id: 'precheck-heading' }, 'Vorabprüfung'), precheckStatus, precheckList)),
]);

prefill().finally(() => {
  renderWeek();
  schedulePrecheck();
});

/** Starts from the plan in force today, or Monday to Friday with one empty row each. */
async function prefill() {
  try {
    /** @type {ScheduleVersionView} */
    const version = await api(`/api/v1/offices/${encodeURIComponent(officeId)}/schedule?date=${today}`);
    for (const d of SCHEDULE_DAYS) state.week[d] = (version.week[d] || []).map((i) => ({ from: i.from, to: i.to }));
    if (version.openingHours) openingHours.value = version.openingHours;
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404) showError(formError, err);
    startEmpty();
  }
}

function startEmpty() {
  state.week = emptyWeek();
  for (const d of SCHEDULE_DAYS.slice(0, 5)) state.week[d] = [{ from: '', to: '' }];
}

/** @param {'week' | 'text'} mode */
function setMode(mode) {
  state.mode = mode;
  weekPanel.hidden = mode !== 'week';
  textPanel.hidden = mode !== 'text';
  clearErrors();
  schedulePrecheck();
}

function renderWeek() {
  clear(weekBody);
  for (const day of SCHEDULE_DAYS) {
    const intervals = state.week[day];
    const cell = el('td', {});
    if (intervals.length === 0) cell.append(el('p', { class: 'closed-note' }, 'geschlossen'));
    intervals.forEach((interval, index) => cell.append(intervalRow(day, index, interval)));
    cell.append(
      el('button', { type: 'button', id: `${day}-add`, class: 'button-quiet-inline', onclick: () => addInterval(day) }, el('span', { 'aria-hidden': 'true' }, '+ '), 'Zeitraum hinzufügen', el('span', { class: 'visually-hidden' }, ` (${weekdayName(day)})`)),
      el('p', { id: `${day}-error`, class: 'field-error', hidden: true }),
    );
    weekBody.append(el('tr', {}, el('th', { scope: 'row' }, weekdayName(day)), cell));
  }
}

/**
 * One opening of a day: "von" and "bis", and ONE error line for the pair, which names the field.
 * @param {Day} day
 * @param {number} index
 * @param {Row} interval
 */
function intervalRow(day, index, interval) {
  const name = `${weekdayName(day)}, Zeitraum ${index + 1}`;
  const errorId = `${day}-${index}-error`;
  /** @param {'from' | 'to'} part */
  const input = (part) =>
    el('input', {
      type: 'text',
      id: `${day}-${index}-${part}`,
      class: 'clock-input',
      inputmode: 'decimal',
      autocomplete: 'off',
      placeholder: part === 'from' ? 'z. B. 8' : 'z. B. 17',
      maxlength: 12,
      value: interval[part],
      'aria-describedby': errorId,
      oninput: (/** @type {InputEvent} */ e) => {
        interval[part] = /** @type {HTMLInputElement} */ (e.target).value.trim();
      },
      // Leaving the field shows the time as it will be stored ("8.30" → "08:30").
      onchange: (/** @type {Event} */ e) => {
        const target = /** @type {HTMLInputElement} */ (e.target);
        const normal = normaliseClock(target.value);
        if (normal) target.value = interval[part] = normal;
      },
    });
  return el(
    'div',
    { class: 'interval', 'data-row': `${day}-${index}` },
    el('label', { for: `${day}-${index}-from` }, el('span', { class: 'visually-hidden' }, `${name}: `), 'von'),
    input('from'),
    el('label', { for: `${day}-${index}-to` }, el('span', { class: 'visually-hidden' }, `${name}: `), 'bis'),
    input('to'),
    el('button', { type: 'button', class: 'button-danger', onclick: () => removeInterval(day, index) }, 'Entfernen', el('span', { class: 'visually-hidden' }, ` (${name})`)),
    el('p', { id: errorId, class: 'field-error', hidden: true }),
  );
}

/** @param {Day} day */
function addInterval(day) {
  state.week[day].push({ from: '', to: '' });
  renderWeek();
  byId(`${day}-${state.week[day].length - 1}-from`).focus();
}

/**
 * @param {Day} day
 * @param {number} index
 */
function removeInterval(day, index) {
  state.week[day].splice(index, 1);
  renderWeek();
  (document.getElementById(`${day}-${Math.max(0, index - 1)}-from`) ?? byId(`${day}-add`)).focus();
  schedulePrecheck();
}

/**
 * What is wrong with the times of one row, field by field, before the service is asked: a time
 * missing or not readable. The service checks the rest (order, overlaps).
 * @param {Row} row
 * @returns {ErrorDetail[]}
 */
function rowProblems(row) {
  if (!row.from && !row.to) return [];
  /** @type {ErrorDetail[]} */
  const problems = [];
  for (const part of /** @type {const} */ (['from', 'to'])) {
    if (!row[part]) problems.push({ field: part, message: 'fehlt' });
    else if (!normaliseClock(row[part])) problems.push({ field: part, message: CLOCK_INPUT_MESSAGE });
  }
  return problems;
}

/**
 * The request body; rows left completely empty are not sent (a day without rows is closed), and
 * while typing, rows that cannot be read yet are left out (their error stands beside them).
 * @param {{ skipUnreadable?: boolean }} [options]
 */
function submission({ skipUnreadable = false } = {}) {
  /** @type {{ officeId: string, validFrom: string, validUntil?: string, openingHours?: string, week?: Record<string, Row[]> }} */
  const body = { officeId, validFrom: validFrom.value };
  if (validUntil.value) body.validUntil = validUntil.value;
  if (state.mode === 'text') {
    body.openingHours = openingHours.value;
  } else {
    body.week = Object.fromEntries(
      SCHEDULE_DAYS.map((d) => [
        d,
        state.week[d].filter((i) => (i.from || i.to) && (!skipUnreadable || rowProblems(i).length === 0)).map((i) => ({ from: normaliseClock(i.from) ?? i.from, to: normaliseClock(i.to) ?? i.to })),
      ]),
    );
  }
  return body;
}

/** @param {ReturnType<typeof submission>} body */
function hasContent(body) {
  return body.openingHours !== undefined ? body.openingHours.trim() !== '' : SCHEDULE_DAYS.some((d) => (body.week?.[d] ?? []).length > 0);
}

function schedulePrecheck() {
  clearTimeout(state.timer);
  state.timer = window.setTimeout(precheck, PRECHECK_DELAY);
}

/** The problems the form finds itself, by API field name (week.mon[0].from). */
function localProblems() {
  /** @type {ErrorDetail[]} */
  const problems = [];
  if (state.mode === 'week') {
    for (const d of SCHEDULE_DAYS) {
      state.week[d].forEach((row, index) => problems.push(...rowProblems(row).map((p) => ({ field: `week.${d}[${index}].${p.field}`, message: p.message }))));
    }
  }
  return problems;
}

async function precheck() {
  const local = localProblems();
  const body = submission({ skipUnreadable: true });
  if (!validFrom.value) body.validFrom = today;
  state.controller?.abort();
  const seq = ++state.seq;
  if (!hasContent(body)) {
    clearErrors();
    showFieldErrors(local, { quiet: true });
    precheckStatus.textContent = 'Die Vorabprüfung erscheint, sobald Öffnungszeiten eingetragen sind.';
    clear(precheckList);
    clear(ohPreview);
    return;
  }
  state.controller = new AbortController();
  precheckStatus.textContent = 'Wird geprüft …';
  try {
    /** @type {ScheduleCheckView} */
    const check = await api('/api/v1/schedules/check', { method: 'POST', body, signal: state.controller.signal });
    if (seq !== state.seq) return;
    clearErrors();
    showFieldErrors(local, { quiet: true });
    const failing = check.findings.filter((f) => f.status === 'non_compliant').length;
    clear(precheckStatus).append(
      statusBadge(check.compliant ? 'compliant' : 'non_compliant'),
      ' ',
      failing === 0 ? 'Der Plan erfüllt alle prüfbaren Standards.' : `${failing} von ${check.findings.length} Standards nicht erfüllt.`,
      local.length ? ' Zeiträume mit unvollständigen Uhrzeiten sind nicht berücksichtigt.' : '',
    );
    // The pre-check is read while typing: failing standards in full, the others as one line each.
    clear(precheckList).append(...check.findings.map((f) => renderFinding(f, { heading: 'h3', compact: f.status !== 'non_compliant', officeId })));
    if (check.pendingDeviations?.length) {
      precheckList.append(
        el('p', { class: 'hint' }, check.pendingDeviations.length === 1 ? 'Eine vorgeschlagene Abweichung wartet noch auf Zustimmung und ist nicht berücksichtigt.' : `${check.pendingDeviations.length} vorgeschlagene Abweichungen warten noch auf Zustimmung und sind nicht berücksichtigt.`),
      );
    }
    if (state.mode === 'text') showInterpretedWeek(check);
  } catch (err) {
    if ((err instanceof Error && err.name === 'AbortError') || seq !== state.seq) return;
    clear(precheckList);
    clear(ohPreview);
    if (err instanceof ApiError && err.status === 400) {
      precheckStatus.textContent = 'Bitte zuerst die markierten Eingaben korrigieren.';
      // While typing, errors are marked quietly beside the fields; the alert box is for a real submit.
      clearErrors();
      showFieldErrors([...local, ...err.details], { quiet: true });
    } else {
      precheckStatus.textContent = errorText(err);
    }
  }
}

/**
 * opening_hours mode: the week as the service read the text, as a chart and a table, and the
 * rules that replace earlier ones.
 * @param {ScheduleCheckView} check
 */
function showInterpretedWeek(check) {
  append(clear(ohPreview), [
    el('h3', {}, 'So wird der Text gelesen'),
    check.warnings.length
      ? el('div', { class: 'warning-box', id: 'oh-warnings' }, el('p', {}, el('span', { 'aria-hidden': 'true' }, '⚠ '), 'Bitte prüfen:'), el('ul', {}, check.warnings.map((w) => el('li', {}, w))))
      : null,
    weekChartLegend(),
    weekChart(check.week, { title: 'Öffnungszeiten der Woche, wie der Text gelesen wird' }),
    el(
      'table',
      { class: 'data-table', id: 'oh-week' },
      el('caption', { class: 'visually-hidden' }, 'Gelesene Öffnungszeiten als Tabelle'),
      el('tbody', {}, SCHEDULE_DAYS.map((d) => el('tr', {}, el('th', { scope: 'row' }, weekdayName(d)), el('td', {}, (check.week[d] || []).map((i) => `${i.from}–${i.to} Uhr`).join(', ') || 'geschlossen')))),
    ),
  ]);
}

/** @param {SubmitEvent} event */
async function submit(event) {
  event.preventDefault();
  clearTimeout(state.timer);
  state.seq++;
  clearErrors();
  const local = localProblems();
  if (!validFrom.value) local.unshift({ field: 'validFrom', message: 'Bitte ein Datum wählen.' });
  if (local.length) {
    showFieldErrors(local);
    return;
  }
  submitButton.disabled = true;
  try {
    /** @type {ScheduleVersionView} */
    const version = await api('/api/v1/schedules', { method: 'POST', body: submission() });
    await showResult(version);
  } catch (err) {
    if (err instanceof ApiError && err.status === 400) showFieldErrors(err.details, { message: err.message });
    else showError(formError, err);
  } finally {
    submitButton.disabled = false;
  }
}

/**
 * The saved version as people know it (its number among the office's versions, when it was
 * submitted and when it applies, its week), then an empty form for the next one.
 * @param {ScheduleVersionView} version
 */
async function showResult(version) {
  /** @type {ScheduleVersionView[]} */
  const history = await api(`/api/v1/offices/${encodeURIComponent(officeId)}/schedules`).catch(() => []);
  const number = history.length - history.findIndex((v) => v.id === version.id);
  clear(result).hidden = false;
  const heading = el('h2', { id: 'result-heading', tabindex: '-1' }, 'Öffnungszeiten gespeichert');
  append(result, [
    el(
      'div',
      { class: 'card saved-version' },
      heading,
      el(
        'p',
        {},
        statusBadge(version.compliant ? 'compliant' : 'non_compliant'),
        ` ${number > 0 && number <= history.length ? `Fassung ${number}` : 'Neue Fassung'}, eingereicht am ${formatDateTime(version.submittedAt)}, gültig ab ${formatDate(version.validFrom)}${version.validUntil ? ` bis ${formatDate(version.validUntil)}` : ' bis auf Weiteres'}.`,
      ),
      el(
        'table',
        { class: 'data-table', id: 'saved-week' },
        el('caption', { class: 'visually-hidden' }, 'Gespeicherte Öffnungszeiten'),
        el('tbody', {}, SCHEDULE_DAYS.map((d) => el('tr', {}, el('th', { scope: 'row' }, weekdayName(d)), el('td', {}, (version.week[d] || []).map((i) => `${i.from}–${i.to} Uhr`).join(', ') || 'geschlossen')))),
      ),
      el('h3', {}, 'Feststellungen zu dieser Fassung'),
      renderFindingList(version.findings, { heading: 'h4', officeId }),
      el('p', {}, el('a', { href: officePath(officeId) }, 'Zur Seite der Regionalstelle'), ' · Das Formular unten ist für die nächste Fassung geleert.'),
    ),
  ]);
  // The form starts over, so the same plan is not sent twice by accident.
  validFrom.value = '';
  validUntil.value = '';
  openingHours.value = '';
  startEmpty();
  renderWeek();
  clear(precheckList);
  clear(ohPreview);
  precheckStatus.textContent = 'Die Vorabprüfung erscheint, sobald Öffnungszeiten eingetragen sind.';
  heading.focus();
}

/**
 * Maps API fields (validFrom, week.mon[0].from, week.mon[0], week.mon, openingHours, week) to the
 * form. The two times of a row share one error line that names the field ("bis: …"), so the same
 * message never stands twice.
 * @param {ErrorDetail[]} details
 * @param {{ quiet?: boolean, message?: string }} [options]
 */
function showFieldErrors(details, options = {}) {
  /** @type {Map<string, string[]>} */
  const lines = new Map();
  /** @type {string[]} */
  const general = [];
  /** @type {HTMLElement | null} */
  let first = null;
  /** @type {Map<string, Map<string, string[]>>} the parts of a row with the same message */
  const rowParts = new Map();
  for (const d of details) {
    const m = d.field.match(/^week\.(\w+)(?:\[(\d+)\](?:\.(from|to))?)?$/);
    if (m && m[2] !== undefined) {
      const row = `${m[1]}-${m[2]}`;
      const messages = rowParts.get(row) ?? new Map();
      const parts = messages.get(d.message) ?? [];
      if (m[3]) {
        parts.push(m[3]);
        document.getElementById(`${row}-${m[3]}`)?.setAttribute('aria-invalid', 'true');
      } else {
        for (const part of ['from', 'to']) document.getElementById(`${row}-${part}`)?.setAttribute('aria-invalid', 'true');
      }
      messages.set(d.message, parts);
      rowParts.set(row, messages);
      first ??= document.getElementById(`${row}-${m[3] ?? 'from'}`);
      continue;
    }
    const target = m ? m[1] : ['validFrom', 'validUntil', 'openingHours', 'week'].includes(d.field) ? d.field : undefined;
    if (!target || !document.getElementById(`${target}-error`)) {
      general.push(d.message);
      continue;
    }
    lines.set(target, [...(lines.get(target) ?? []), d.message]);
    const input = document.getElementById(target);
    input?.setAttribute('aria-invalid', 'true');
    first ??= input;
  }
  for (const [row, messages] of rowParts) {
    const texts = [...messages].map(([message, parts]) => {
      const names = parts.map((p) => `„${PART_NAMES[/** @type {'from' | 'to'} */ (p)]}“`);
      if (names.length === 0) return message;
      return `${names.join(' und ')} ${message === 'fehlt' && names.length > 1 ? 'fehlen' : message}`;
    });
    lines.set(row, texts);
  }
  for (const [target, texts] of lines) {
    const box = byId(`${target}-error`);
    box.hidden = false;
    box.textContent = `✗ ${texts.join('; ')}`;
  }
  if (options.quiet) return;
  clear(formError).append(
    el('p', { class: 'error-box' }, el('span', { 'aria-hidden': 'true' }, '✗ '), options.message ?? 'Bitte die markierten Eingaben korrigieren.', general.length ? el('ul', {}, general.map((g) => el('li', {}, g))) : null),
  );
  first?.focus();
}

function clearErrors() {
  for (const box of root.querySelectorAll('#schedule .field-error')) {
    /** @type {HTMLElement} */ (box).hidden = true;
    box.textContent = '';
  }
  for (const input of root.querySelectorAll('#schedule [aria-invalid]')) input.removeAttribute('aria-invalid');
  clear(formError);
}
