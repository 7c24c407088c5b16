// @ts-check
import { api, ApiError } from './api-client.js';
import { append, byId, clear, el, showError } from './dom.js';
import { renderFinding, renderFindingsTable } from './finding-view.js';
import { formatDateTime } from './german-format.js';
import { officeName, officePath } from './offices.js';
import { obligationBadge, rule, statusBadge, statusWording, words } from './vocabulary.js';

// Coordination overview: the office × rule matrix of an audit run (filters "nur Verstöße" and
// "nur Muss", one screen at 1366×768 for the nine offices), another run to choose, a new run to
// start, the exports, and the findings behind a cell.

/** @typedef {import('./api-types').AuditRunView} AuditRunView */
/** @typedef {import('./api-types').AuditSummary} AuditSummary */
/** @typedef {import('./api-types').MatrixCell} MatrixCell */
/** @typedef {import('./api-types').AuditFindingView} AuditFindingView */
/** @typedef {{ id: string, title: string, obligation: string }} MatrixRule */

const root = byId('overview');
/** @type {{ runs: AuditRunView[], summary: AuditSummary | null, onlyViolations: boolean, onlyMust: boolean }} */
const state = { runs: [], summary: null, onlyViolations: false, onlyMust: false };

// The page's parts, in order. Further panels go below the matrix: one import and one
// mountSection(panels, { id, title, load }) (see page-parts.js).
const controls = el('section', { class: 'card run-controls', 'aria-label': 'Prüflauf' }, el('div', { id: 'run-controls' }));
const runView = el('div', { id: 'run-view' }, el('p', { class: 'loading', role: 'status' }, 'Die Prüfläufe werden geladen …'));
const findingsPanel = el('section', { id: 'findings', 'aria-labelledby': 'findings-heading', hidden: true });
const panels = el('div', { id: 'overview-panels' });
append(clear(root), [controls, runView, findingsPanel, panels]);

const RUN_STATUS = { succeeded: 'abgeschlossen', running: 'läuft', failed: 'fehlgeschlagen' };
const TRIGGER = { nightly: 'nächtlich', manual: 'manuell', cli: 'Kommandozeile' };

init().catch((err) => showError(runView, err));

async function init() {
  state.runs = await api('/api/v1/audits');
  renderRunControls();
  const latest = state.runs.find((r) => r.status === 'succeeded') ?? state.runs[0];
  if (latest) await selectRun(latest.id);
  else clear(runView).append(el('p', { class: 'card' }, 'Es gibt noch keinen Prüflauf. Starten Sie oben einen Prüflauf für einen Zeitraum.'));
}

/** @param {AuditRunView} r */
function runLabel(r) {
  return `${r.label} · ${TRIGGER[r.trigger] ?? 'gestartet'} am ${formatDateTime(r.startedAt)}${r.status === 'succeeded' ? '' : ` · ${RUN_STATUS[r.status] ?? ''}`}`;
}

function renderRunControls() {
  const box = clear(byId('run-controls'));
  const select = el(
    'select',
    { id: 'run-select', onchange: (/** @type {Event} */ e) => selectRun(/** @type {HTMLSelectElement} */ (e.target).value) },
    state.runs.map((r) => el('option', { value: r.id }, runLabel(r))),
  );
  const [y, m] = (root.dataset.today ?? '').split('-').map(Number);
  const prevMonthStart = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10);
  const prevMonthEnd = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
  const from = el('input', { id: 'audit-from', name: 'from', type: 'date', value: prevMonthStart, required: true, 'aria-describedby': 'audit-from-error' });
  const to = el('input', { id: 'audit-to', name: 'to', type: 'date', value: prevMonthEnd, required: true, 'aria-describedby': 'audit-to-error' });
  const status = el('p', { id: 'audit-status', role: 'status', class: 'muted' });
  const form = el(
    'form',
    { class: 'toolbar', id: 'audit-form', novalidate: true, onsubmit: (/** @type {SubmitEvent} */ e) => startAudit(e, from, to, status) },
    el('div', { class: 'field' }, el('label', { for: 'audit-from' }, 'Zeitraum von'), from, el('p', { id: 'audit-from-error', class: 'field-error', hidden: true })),
    el('div', { class: 'field' }, el('label', { for: 'audit-to' }, 'bis'), to, el('p', { id: 'audit-to-error', class: 'field-error', hidden: true })),
    el('button', { type: 'submit', class: 'button-primary' }, 'Prüflauf starten'),
  );
  append(box, [
    el(
      'div',
      { class: 'toolbar' },
      state.runs.length ? el('div', { class: 'field run-field' }, el('label', { for: 'run-select' }, 'Angezeigter Prüflauf'), select) : null,
      el('div', { id: 'exports', class: 'toolbar' }),
      el(
        'details',
        { class: 'new-run', id: 'new-run' },
        el('summary', {}, 'Neuen Prüflauf starten'),
        el('p', { class: 'hint' }, 'Beurteilt werden die vollständigen Kalenderwochen und Monate im Zeitraum.'),
        form,
      ),
    ),
    status,
  ]);
}

/**
 * @param {SubmitEvent} event
 * @param {HTMLInputElement} from
 * @param {HTMLInputElement} to
 * @param {HTMLElement} status
 */
async function startAudit(event, from, to, status) {
  event.preventDefault();
  const button = /** @type {HTMLButtonElement} */ (/** @type {HTMLFormElement} */ (event.target).querySelector('button[type="submit"]'));
  for (const input of [from, to]) setFieldError(input, null);
  // An empty (or half-typed) date is said at the field, before asking the service.
  const empty = [from, to].filter((input) => !input.value);
  if (empty.length) {
    for (const input of empty) setFieldError(input, 'Bitte ein Datum wählen.');
    empty[0].focus();
    return;
  }
  button.disabled = true;
  status.textContent = 'Der Prüflauf läuft …';
  try {
    /** @type {AuditRunView} */
    const run = await api('/api/v1/audits', { method: 'POST', body: { from: from.value, to: to.value } });
    state.runs = await api('/api/v1/audits');
    renderRunControls();
    byId('audit-status').textContent = `Prüflauf abgeschlossen: ${run.findingCount} ${run.findingCount === 1 ? 'Feststellung' : 'Feststellungen'} (${run.label}).`;
    await selectRun(run.id);
  } catch (err) {
    status.textContent = '';
    if (err instanceof ApiError && err.details.length) {
      for (const d of err.details) setFieldError(d.field === 'from' ? from : to, d.message);
    } else {
      status.textContent = err instanceof Error ? err.message : String(err);
    }
  } finally {
    button.disabled = false;
  }
}

/**
 * @param {HTMLInputElement} input
 * @param {string | null} message
 */
function setFieldError(input, message) {
  const box = byId(`${input.id}-error`);
  box.hidden = !message;
  box.textContent = message ? `✗ ${message}` : '';
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** @param {string} runId */
async function selectRun(runId) {
  const select = /** @type {HTMLSelectElement | null} */ (document.getElementById('run-select'));
  if (select) select.value = runId;
  const exports = document.getElementById('exports');
  if (exports) {
    clear(exports).append(
      el('a', { class: 'button-link', href: `/api/v1/audits/${encodeURIComponent(runId)}/export?format=csv`, download: true }, 'Export CSV (Excel)'),
      el('a', { class: 'button-link', href: `/api/v1/audits/${encodeURIComponent(runId)}/export?format=json`, download: true }, 'Export JSON'),
    );
  }
  const view = clear(byId('run-view'));
  clear(byId('findings')).hidden = true;
  const run = state.runs.find((r) => r.id === runId);
  if (run && run.status !== 'succeeded') {
    view.append(
      el(
        'p',
        { class: run.status === 'failed' ? 'error-box' : 'card' },
        run.status === 'failed' ? `Dieser Prüflauf ist fehlgeschlagen: ${run.error || 'ohne Angabe'}` : 'Dieser Prüflauf läuft noch; die Ergebnisse erscheinen, sobald er abgeschlossen ist.',
      ),
    );
    return;
  }
  view.append(el('p', { class: 'loading', role: 'status' }, 'Die Ergebnisse werden geladen …'));
  try {
    state.summary = await api(`/api/v1/audits/${encodeURIComponent(runId)}`);
    renderRunView(view);
  } catch (err) {
    showError(view, err);
  }
}

/** @param {HTMLElement} view */
function renderRunView(view) {
  const summary = /** @type {AuditSummary} */ (state.summary);
  const cells = new Map(summary.matrix.map((c) => [`${c.officeId} ${c.ruleId}`, c]));
  const rules = summary.rules.filter((r) => summary.matrix.some((c) => c.ruleId === r.id));
  const mustRules = new Set(rules.filter((r) => r.obligation === 'must').map((r) => r.id));
  const violating = summary.offices.filter((o) => summary.matrix.some((c) => c.officeId === o && mustRules.has(c.ruleId) && c.status === 'non_compliant'));
  const missing = summary.offices.filter((o) => summary.matrix.some((c) => c.officeId === o && c.status === 'insufficient_data'));
  const total = summary.offices.length;
  const filters = el(
    'div',
    { class: 'matrix-filters', role: 'group', 'aria-label': 'Filter der Matrix' },
    el('label', { class: 'check' }, el('input', { type: 'checkbox', id: 'filter-violations', checked: state.onlyViolations, onchange: (/** @type {Event} */ e) => setFilter('onlyViolations', e) }), ' nur Verstöße'),
    el('label', { class: 'check' }, el('input', { type: 'checkbox', id: 'filter-must', checked: state.onlyMust, onchange: (/** @type {Event} */ e) => setFilter('onlyMust', e) }), ' nur Muss-Standards'),
    el('span', { id: 'matrix-shown', class: 'muted', role: 'status' }),
  );
  append(clear(view), [
    el(
      'div',
      { class: 'matrix-head' },
      el(
        'p',
        { class: 'matrix-headline', id: 'matrix-headline' },
        el('strong', {}, violating.length === 0 ? `Keine der ${total} Regionalstellen verletzt einen Muss-Standard` : `${violating.length} von ${total} Regionalstellen verletzen Muss-Standards`),
        missing.length ? `; bei ${missing.length} fehlen Daten` : '',
        `. Prüflauf ${summary.run.label}.`,
      ),
      filters,
    ),
    el('div', { class: 'matrix-wrap', id: 'matrix-wrap' }),
    el(
      'div',
      { class: 'legend', 'aria-label': 'Legende' },
      'Legende:',
      Object.keys(words.statuses).map((s) => statusBadge(s)),
      el('span', {}, el('span', { class: 'deviation-mark' }, '§ 6'), ' vereinbarte Abweichung'),
      el('span', { class: 'hint' }, 'Ein Feld zeigt den ungünstigsten Stand über alle Zeiträume des Prüflaufs; ein Klick zeigt die Feststellungen dahinter.'),
    ),
  ]);
  renderMatrix(cells, rules);
}

/**
 * @param {'onlyViolations' | 'onlyMust'} key
 * @param {Event} event
 */
function setFilter(key, event) {
  state[key] = /** @type {HTMLInputElement} */ (event.target).checked;
  const summary = /** @type {AuditSummary} */ (state.summary);
  renderMatrix(new Map(summary.matrix.map((c) => [`${c.officeId} ${c.ruleId}`, c])), summary.rules.filter((r) => summary.matrix.some((c) => c.ruleId === r.id)));
}

/**
 * @param {Map<string, MatrixCell>} cells
 * @param {MatrixRule[]} allRules
 */
function renderMatrix(cells, allRules) {
  const summary = /** @type {AuditSummary} */ (state.summary);
  let rules = state.onlyMust ? allRules.filter((r) => r.obligation === 'must') : allRules;
  let officeIds = summary.offices;
  if (state.onlyViolations) {
    const bad = (/** @type {string} */ o, /** @type {string} */ r) => cells.get(`${o} ${r}`)?.status === 'non_compliant';
    officeIds = officeIds.filter((o) => rules.some((r) => bad(o, r.id)));
    rules = rules.filter((r) => officeIds.some((o) => bad(o, r.id)));
  }
  byId('matrix-shown').textContent =
    officeIds.length === summary.offices.length && rules.length === allRules.length ? '' : `Angezeigt: ${officeIds.length} von ${summary.offices.length} Regionalstellen, ${rules.length} von ${allRules.length} Standards`;
  const wrap = clear(byId('matrix-wrap'));
  if (officeIds.length === 0 || rules.length === 0) {
    wrap.append(el('p', { class: 'matrix-empty' }, state.onlyViolations ? 'Keine Verstöße in dieser Auswahl.' : 'Keine Standards in dieser Auswahl.'));
    return;
  }
  wrap.append(
    el(
      'table',
      { class: 'matrix', id: 'matrix' },
      el('caption', { class: 'visually-hidden' }, `Regionalstellen × Standards, Prüflauf ${summary.run.label}`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'corner' }, 'Regionalstelle'), rules.map((r) => columnHeader(r)))),
      el(
        'tbody',
        {},
        officeIds.map((officeId) =>
          el('tr', { 'data-office': officeId }, el('th', { scope: 'row' }, el('a', { href: officePath(officeId) }, officeName(officeId))), rules.map((r) => el('td', {}, matrixCell(cells.get(`${officeId} ${r.id}`), officeId, r)))),
        ),
      ),
    ),
  );
}

/**
 * A short label in the column, the full title on hover and on keyboard focus.
 * @param {MatrixRule} r
 */
function columnHeader(r) {
  const short = rule(r.id)?.shortTitle ?? r.title;
  const tipId = `col-tip-${r.id.replace(/[^a-z0-9]+/gi, '-')}`;
  return el(
    'th',
    { scope: 'col', 'data-rule': r.id, tabindex: '0', 'aria-describedby': tipId },
    el('span', { class: 'col-short' }, short),
    ' ',
    obligationBadge(r.obligation, { narrow: true }),
    el('span', { class: 'col-tip', id: tipId, role: 'tooltip' }, r.title),
  );
}

/**
 * @param {MatrixCell | undefined} cell
 * @param {string} officeId
 * @param {MatrixRule} r
 */
function matrixCell(cell, officeId, r) {
  if (!cell) return el('span', { class: 'muted' }, 'nicht geprüft');
  const s = statusWording(cell.status);
  const entries = Object.entries(cell.counts);
  const periods = entries.reduce((sum, [, n]) => sum + (n ?? 0), 0);
  // Only a mixed cell says how its periods split; a uniform one needs no count in every cell.
  const mixed = entries.length > 1 ? entries.map(([status, n]) => `${n}× ${statusWording(status).icon}`).join(' ') : '';
  const countsText = entries.length > 1 ? entries.map(([status, n]) => `${n} ${statusWording(status).text}`).join(', ') : `${periods === 1 ? 'ein Zeitraum' : `alle ${periods} Zeiträume`}`;
  return el(
    'button',
    {
      type: 'button',
      class: `cell-button status status-${cell.status}`,
      'aria-pressed': 'false',
      'data-office': officeId,
      'data-rule': r.id,
      'aria-label': `${officeName(officeId)}, ${r.title}: ${s.text} (${countsText})${cell.deviations.length ? ', mit vereinbarter Abweichung' : ''}. Feststellungen anzeigen`,
      onclick: (/** @type {MouseEvent} */ e) => showFindings(/** @type {HTMLButtonElement} */ (e.currentTarget), officeId, r),
    },
    el('span', { class: 'cell-status' }, el('span', { 'aria-hidden': 'true' }, `${s.icon} `), s.text),
    mixed ? el('span', { class: 'cell-counts', 'aria-hidden': 'true' }, mixed) : null,
    cell.deviations.length ? el('span', { class: 'deviation-mark', title: 'Vereinbarte Abweichung nach Abschnitt 6' }, '§ 6 Abweichung') : null,
  );
}

/**
 * @param {HTMLButtonElement} button
 * @param {string} officeId
 * @param {MatrixRule} r
 */
async function showFindings(button, officeId, r) {
  for (const b of document.querySelectorAll('.cell-button[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
  button.setAttribute('aria-pressed', 'true');
  const panel = clear(byId('findings'));
  panel.hidden = false;
  const heading = el('h2', { id: 'findings-heading', tabindex: '-1' }, `Feststellungen: ${officeName(officeId)} – ${r.title}`);
  const list = el('div', { 'aria-live': 'polite' }, el('p', { class: 'loading' }, 'Die Feststellungen werden geladen …'));
  append(panel, [heading, list, el('p', {}, el('button', { type: 'button', onclick: () => button.focus() }, 'Zurück zur Matrix'))]);
  heading.focus();
  try {
    const runId = /** @type {AuditSummary} */ (state.summary).run.id;
    /** @type {AuditFindingView[]} */
    const findings = await api(`/api/v1/audits/${encodeURIComponent(runId)}/findings?office=${encodeURIComponent(officeId)}&rule=${encodeURIComponent(r.id)}`);
    clear(list);
    if (findings.length === 0) list.append(el('p', {}, 'Zu diesem Feld gibt es keine Feststellungen.'));
    if (findings.length > 1) list.append(renderFindingsTable(findings));
    // The evidence of the first failing period is open; the others are one click away.
    const firstFailing = findings.find((f) => f.status === 'non_compliant');
    for (const f of findings) list.append(renderFinding(f, { heading: 'h3', openEvidence: f === firstFailing }));
  } catch (err) {
    showError(list, err);
  }
}
