/* global document, AbortController */
import { api, ApiError } from './api-client.js';
import { append, clear, el, showError } from './dom.js';
import { renderFinding, renderFindingList } from './finding-view.js';
import { SCHEDULE_DAYS, WEEKDAY, formatDate, formatDateTime, statusBadge } from './german-format.js';

// Schedule form: a week of opening times (or opening_hours text). While typing, the plan is
// pre-checked against the standards (POST /api/v1/schedules/check, debounced); submitting stores a
// new version (POST /api/v1/schedules). The API's 400 details are shown next to their fields.

const root = document.getElementById('schedule-form');
const officeId = root.dataset.officeId;
const PRECHECK_DELAY = 400;

const state = { mode: 'week', week: Object.fromEntries(SCHEDULE_DAYS.map((d) => [d, []])), timer: null, controller: null, seq: 0 };

const validFrom = el('input', { id: 'validFrom', name: 'validFrom', type: 'date', required: true, value: root.dataset.today, 'aria-describedby': 'validFrom-error' });
const validUntil = el('input', { id: 'validUntil', name: 'validUntil', type: 'date', 'aria-describedby': 'validUntil-hint validUntil-error' });
const openingHours = el('textarea', { id: 'openingHours', name: 'openingHours', rows: 3, spellcheck: 'false', 'aria-describedby': 'openingHours-hint openingHours-error' });
const weekBody = el('tbody', {});
const weekPanel = el('div', { id: 'week-panel' }, el('table', { class: 'week-table' }, el('caption', { class: 'visually-hidden' }, 'Öffnungszeiten je Wochentag'), weekBody), el('p', { id: 'week-error', class: 'field-error', hidden: true }));
const textPanel = el(
  'div',
  { id: 'text-panel', class: 'field', hidden: true },
  el('label', { for: 'openingHours' }, 'Öffnungszeiten als opening_hours-Text'),
  openingHours,
  el('p', { id: 'openingHours-hint', class: 'hint' }, 'Beispiel: Mo-Fr 08:00-12:30; Th 08:00-12:30,14:00-18:00'),
  el('p', { id: 'openingHours-error', class: 'field-error', hidden: true }),
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
  el('div', { class: 'form-layout' }, form, el('aside', { class: 'card precheck', 'aria-labelledby': 'precheck-heading' }, el('h2', { id: 'precheck-heading' }, 'Vorabprüfung'), precheckStatus, precheckList)),
  result,
]);

prefill().finally(() => {
  renderWeek();
  schedulePrecheck();
});

/** Starts from the plan in force today, or Monday to Friday with one empty row each. */
async function prefill() {
  try {
    const version = await api(`/api/v1/offices/${encodeURIComponent(officeId)}/schedule?date=${root.dataset.today}`);
    for (const d of SCHEDULE_DAYS) state.week[d] = (version.week[d] || []).map((i) => ({ from: i.from, to: i.to }));
    if (version.openingHours) openingHours.value = version.openingHours;
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404) showError(formError, err);
    for (const d of SCHEDULE_DAYS.slice(0, 5)) state.week[d] = [{ from: '', to: '' }];
  }
}

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
      el('button', { type: 'button', id: `${day}-add`, onclick: () => addInterval(day) }, el('span', { 'aria-hidden': 'true' }, '+ '), 'Zeitraum hinzufügen', el('span', { class: 'visually-hidden' }, ` (${WEEKDAY[day]})`)),
      el('p', { id: `${day}-error`, class: 'field-error', hidden: true }),
    );
    weekBody.append(el('tr', {}, el('th', { scope: 'row' }, WEEKDAY[day]), cell));
  }
}

function intervalRow(day, index, interval) {
  const name = `${WEEKDAY[day]}, Zeitraum ${index + 1}`;
  const input = (part) =>
    el('input', {
      type: 'text',
      id: `${day}-${index}-${part}`,
      inputmode: 'numeric',
      autocomplete: 'off',
      placeholder: 'HH:MM',
      maxlength: 5,
      value: interval[part],
      'aria-describedby': `${day}-${index}-${part}-error ${day}-${index}-error`,
      oninput: (e) => {
        interval[part] = e.target.value.trim();
      },
    });
  return el(
    'div',
    { class: 'interval' },
    el('label', { for: `${day}-${index}-from` }, el('span', { class: 'visually-hidden' }, `${name}: `), 'von'),
    input('from'),
    el('label', { for: `${day}-${index}-to` }, el('span', { class: 'visually-hidden' }, `${name}: `), 'bis'),
    input('to'),
    el('button', { type: 'button', class: 'button-danger', onclick: () => removeInterval(day, index) }, 'Entfernen', el('span', { class: 'visually-hidden' }, ` (${name})`)),
    el('p', { id: `${day}-${index}-from-error`, class: 'field-error', hidden: true }),
    el('p', { id: `${day}-${index}-to-error`, class: 'field-error', hidden: true }),
    el('p', { id: `${day}-${index}-error`, class: 'field-error', hidden: true }),
  );
}

function addInterval(day) {
  state.week[day].push({ from: '', to: '' });
  renderWeek();
  document.getElementById(`${day}-${state.week[day].length - 1}-from`).focus();
}

function removeInterval(day, index) {
  state.week[day].splice(index, 1);
  renderWeek();
  (document.getElementById(`${day}-${Math.max(0, index - 1)}-from`) || document.getElementById(`${day}-add`)).focus();
  schedulePrecheck();
}

/** The request body; rows left completely empty are not sent (a day without rows is closed). */
function submission() {
  const body = { officeId, validFrom: validFrom.value };
  if (validUntil.value) body.validUntil = validUntil.value;
  if (state.mode === 'text') {
    body.openingHours = openingHours.value;
  } else {
    body.week = Object.fromEntries(SCHEDULE_DAYS.map((d) => [d, state.week[d].filter((i) => i.from || i.to).map((i) => ({ from: i.from, to: i.to }))]));
  }
  return body;
}

function hasContent(body) {
  return body.openingHours !== undefined ? body.openingHours.trim() !== '' : SCHEDULE_DAYS.some((d) => body.week[d].length > 0);
}

function schedulePrecheck() {
  clearTimeout(state.timer);
  state.timer = setTimeout(precheck, PRECHECK_DELAY);
}

async function precheck() {
  const body = submission();
  if (!hasContent(body)) {
    precheckStatus.textContent = 'Die Vorabprüfung erscheint, sobald Öffnungszeiten eingetragen sind.';
    clear(precheckList);
    return;
  }
  state.controller?.abort();
  state.controller = new AbortController();
  const seq = ++state.seq;
  precheckStatus.textContent = 'Wird geprüft …';
  try {
    const check = await api('/api/v1/schedules/check', { method: 'POST', body, signal: state.controller.signal });
    if (seq !== state.seq) return;
    clearErrors();
    const failing = check.findings.filter((f) => f.status === 'non_compliant').length;
    clear(precheckStatus).append(
      statusBadge(check.compliant ? 'compliant' : 'non_compliant'),
      ' ',
      failing === 0 ? 'Der Plan erfüllt alle prüfbaren Standards.' : `${failing} von ${check.findings.length} Standards nicht erfüllt.`,
    );
    // The pre-check is read while typing: failing standards in full, the others as one line each.
    clear(precheckList).append(...check.findings.map((f) => renderFinding(f, { heading: 'h3', compact: f.status !== 'non_compliant' })));
    if (check.pendingDeviations?.length) precheckList.append(el('p', { class: 'hint' }, check.pendingDeviations.length === 1 ? 'Eine vorgeschlagene Abweichung wartet noch auf Zustimmung und ist nicht berücksichtigt.' : `${check.pendingDeviations.length} vorgeschlagene Abweichungen warten noch auf Zustimmung und sind nicht berücksichtigt.`));
  } catch (err) {
    if (err.name === 'AbortError' || seq !== state.seq) return;
    clear(precheckList);
    if (err instanceof ApiError && err.status === 400) {
      precheckStatus.textContent = 'Bitte zuerst die markierten Eingaben korrigieren.';
      // While typing, errors are marked quietly beside the fields; the alert box is for a real submit.
      showFieldErrors(err, { quiet: true });
    } else {
      precheckStatus.textContent = err.message;
    }
  }
}

async function submit(event) {
  event.preventDefault();
  clearTimeout(state.timer);
  state.seq++;
  clearErrors();
  submitButton.disabled = true;
  try {
    const version = await api('/api/v1/schedules', { method: 'POST', body: submission() });
    showResult(version);
  } catch (err) {
    if (err instanceof ApiError && err.status === 400) showFieldErrors(err);
    else showError(formError, err);
  } finally {
    submitButton.disabled = false;
  }
}

function showResult(version) {
  clear(result).hidden = false;
  const heading = el('h2', { id: 'result-heading', tabindex: '-1' }, 'Öffnungszeiten gespeichert');
  append(result, [
    el(
      'div',
      { class: 'card' },
      heading,
      el(
        'p',
        {},
        statusBadge(version.compliant ? 'compliant' : 'non_compliant'),
        ` Gespeicherte Fassung, gültig ab ${formatDate(version.validFrom)}${version.validUntil ? ` bis ${formatDate(version.validUntil)}` : ''}, eingereicht am ${formatDateTime(version.submittedAt)}.`,
      ),
      el('p', { class: 'hint' }, `Kennung der Fassung: ${version.id} · Regelkatalog ${version.catalogVersion}`),
      el('p', {}, el('a', { href: `/regionalstellen/${encodeURIComponent(officeId)}` }, 'Zur Seite der Regionalstelle')),
      el('h3', {}, 'Feststellungen zu dieser Fassung'),
      renderFindingList(version.findings, { heading: 'h4' }),
    ),
  ]);
  heading.focus();
}

/** Maps API fields (validFrom, week.mon[0].from, week.mon[0], week.mon, openingHours, week) to the inputs. */
function showFieldErrors(err, options = {}) {
  clearErrors();
  const general = [];
  for (const d of err.details) {
    const m = d.field.match(/^week\.(\w+)(?:\[(\d+)\](?:\.(from|to))?)?$/);
    let target;
    if (m) target = m[2] === undefined ? `${m[1]}` : m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
    else if (['validFrom', 'validUntil', 'openingHours'].includes(d.field)) target = d.field;
    else if (d.field === 'week') target = 'week';
    const box = target && document.getElementById(`${target}-error`);
    if (!box) {
      general.push(`${d.field}: ${d.message}`);
      continue;
    }
    box.hidden = false;
    box.textContent = `✗ ${box.textContent ? `${box.textContent.replace(/^✗ /, '')}; ` : ''}${d.message}`;
    const input = document.getElementById(target);
    if (input) input.setAttribute('aria-invalid', 'true');
    else for (const part of ['from', 'to']) document.getElementById(`${target}-${part}`)?.setAttribute('aria-invalid', 'true');
  }
  if (options.quiet) return;
  clear(formError).append(el('p', { class: 'error-box' }, el('span', { 'aria-hidden': 'true' }, '✗ '), err.message, general.length ? el('ul', {}, general.map((g) => el('li', {}, g))) : null));
}

function clearErrors() {
  for (const box of root.querySelectorAll('.field-error')) {
    box.hidden = true;
    box.textContent = '';
  }
  for (const input of root.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  clear(formError);
}
