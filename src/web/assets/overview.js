/* global document */
import { api, ApiError } from './api-client.js';
import { append, clear, el, showError } from './dom.js';
import { renderFinding, renderFindingsTable } from './finding-view.js';
import { OBLIGATION, STATUS, formatDate, formatDateTime, obligationBadge, statusBadge } from './german-format.js';

// Coordination overview: the office × rule matrix of an audit run, another run to choose, a new
// run to start, the exports, and the findings behind a cell.

const root = document.getElementById('overview');
const state = { runs: [], offices: new Map(), summary: null, selectedCell: null };

const RUN_STATUS = { succeeded: 'abgeschlossen', running: 'läuft', failed: 'fehlgeschlagen' };
const TRIGGER = { nightly: 'nächtlich', manual: 'manuell', cli: 'Kommandozeile' };

init().catch((err) => showError(root, err));

async function init() {
  const [runs, offices] = await Promise.all([api('/api/v1/audits'), api('/api/v1/offices')]);
  state.runs = runs;
  for (const o of offices) state.offices.set(o.id, o);
  clear(root);
  append(root, [
    el('section', { class: 'card', 'aria-labelledby': 'runs-heading' }, el('h2', { id: 'runs-heading' }, 'Prüflauf'), el('div', { id: 'run-controls' })),
    el('div', { id: 'run-view' }),
    el('section', { id: 'findings', 'aria-labelledby': 'findings-heading', hidden: true }),
  ]);
  renderRunControls();
  const latest = runs.find((r) => r.status === 'succeeded') || runs[0];
  if (latest) await selectRun(latest.id);
  else clear(document.getElementById('run-view')).append(el('p', { class: 'card' }, 'Es gibt noch keinen Prüflauf. Starten Sie oben einen Prüflauf für einen Zeitraum.'));
}

function runLabel(r) {
  return `${formatDate(r.from)} – ${formatDate(r.to)} · ${TRIGGER[r.trigger] || r.trigger} am ${formatDateTime(r.startedAt)} · ${RUN_STATUS[r.status] || r.status}`;
}

function renderRunControls() {
  const box = clear(document.getElementById('run-controls'));
  const select = el(
    'select',
    { id: 'run-select', onchange: (e) => selectRun(e.target.value) },
    state.runs.map((r) => el('option', { value: r.id }, runLabel(r))),
  );
  const today = root.dataset.today;
  const [y, m] = today.split('-').map(Number);
  const prevMonthStart = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10);
  const prevMonthEnd = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
  const from = el('input', { id: 'audit-from', name: 'from', type: 'date', value: prevMonthStart, required: true, 'aria-describedby': 'audit-from-error' });
  const to = el('input', { id: 'audit-to', name: 'to', type: 'date', value: prevMonthEnd, required: true, 'aria-describedby': 'audit-to-error' });
  const status = el('p', { id: 'audit-status', role: 'status', class: 'muted' });
  const form = el(
    'form',
    { class: 'toolbar', id: 'audit-form', novalidate: true, onsubmit: (e) => startAudit(e, from, to, status) },
    el('div', { class: 'field' }, el('label', { for: 'audit-from' }, 'Zeitraum von'), from, el('p', { id: 'audit-from-error', class: 'field-error', hidden: true })),
    el('div', { class: 'field' }, el('label', { for: 'audit-to' }, 'bis'), to, el('p', { id: 'audit-to-error', class: 'field-error', hidden: true })),
    el('button', { type: 'submit', class: 'button-primary' }, 'Prüflauf starten'),
  );
  append(box, [
    state.runs.length
      ? el('div', { class: 'toolbar' }, el('div', { class: 'field' }, el('label', { for: 'run-select' }, 'Angezeigter Prüflauf'), select), el('div', { id: 'exports', class: 'toolbar' }))
      : null,
    el('h3', {}, 'Neuen Prüflauf starten'),
    el('p', { class: 'hint' }, 'Beurteilt werden die vollständigen Kalenderwochen und Monate im Zeitraum.'),
    form,
    status,
  ]);
}

async function startAudit(event, from, to, status) {
  event.preventDefault();
  const button = event.target.querySelector('button[type="submit"]');
  for (const input of [from, to]) setFieldError(input, null);
  button.disabled = true;
  status.textContent = 'Der Prüflauf läuft …';
  try {
    const run = await api('/api/v1/audits', { method: 'POST', body: { from: from.value, to: to.value } });
    state.runs = await api('/api/v1/audits');
    renderRunControls();
    document.getElementById('audit-status').textContent = `Prüflauf abgeschlossen: ${run.findingCount} ${run.findingCount === 1 ? 'Feststellung' : 'Feststellungen'}.`;
    await selectRun(run.id);
  } catch (err) {
    status.textContent = '';
    if (err instanceof ApiError && err.details.length) {
      for (const d of err.details) setFieldError(d.field === 'from' ? from : to, d.message);
      status.textContent = err.message;
    } else {
      status.textContent = err.message;
    }
  } finally {
    button.disabled = false;
  }
}

function setFieldError(input, message) {
  const box = document.getElementById(`${input.id}-error`);
  box.hidden = !message;
  box.textContent = message ? `✗ ${message}` : '';
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

async function selectRun(runId) {
  const select = document.getElementById('run-select');
  if (select) select.value = runId;
  const exports = document.getElementById('exports');
  if (exports) {
    clear(exports).append(
      el('a', { class: 'button-link', href: `/api/v1/audits/${encodeURIComponent(runId)}/export?format=csv`, download: true }, 'Export CSV (Excel)'),
      el('a', { class: 'button-link', href: `/api/v1/audits/${encodeURIComponent(runId)}/export?format=json`, download: true }, 'Export JSON'),
    );
  }
  const view = clear(document.getElementById('run-view'));
  clear(document.getElementById('findings')).hidden = true;
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
    renderMatrix(view, state.summary);
  } catch (err) {
    showError(view, err);
  }
}

function describePeriods(periods) {
  const weeks = periods.filter((p) => p.includes('-W')).length;
  const months = periods.length - weeks;
  return [weeks ? `${weeks} ${weeks === 1 ? 'Kalenderwoche' : 'Kalenderwochen'}` : '', months ? `${months} ${months === 1 ? 'Monat' : 'Monate'}` : ''].filter(Boolean).join(', ');
}

function officeName(id) {
  return state.offices.get(id)?.name || id;
}

function renderMatrix(view, summary) {
  clear(view);
  const cells = new Map(summary.matrix.map((c) => [`${c.officeId} ${c.ruleId}`, c]));
  const rules = summary.rules.filter((r) => summary.matrix.some((c) => c.ruleId === r.id));
  const totals = Object.keys(OBLIGATION).filter((level) => summary.byObligation[level]).map((level) => [level, summary.byObligation[level]]).map(([level, counts]) =>
    el('div', {}, obligationBadge(level), ` ${OBLIGATION[level]?.text || level}: `, Object.entries(counts).map(([s, n]) => `${n} ${STATUS[s]?.text || s}`).join(', ')),
  );
  const table = el(
    'table',
    { class: 'matrix', id: 'matrix' },
    el('caption', {}, `Regionalstellen × Standards, ${formatDate(summary.run.from)} – ${formatDate(summary.run.to)} (${describePeriods(summary.run.periods)})`),
    el('colgroup', {}, el('col', { class: 'office-col' }), rules.map(() => el('col', {}))),
    el(
      'thead',
      {},
      el('tr', {}, el('th', { scope: 'col' }, 'Regionalstelle'), rules.map((r) => el('th', { scope: 'col', 'data-rule': r.id }, el('div', {}, r.title), obligationBadge(r.obligation)))),
    ),
    el(
      'tbody',
      {},
      summary.offices.map((officeId) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, el('a', { href: `/regionalstellen/${encodeURIComponent(officeId)}` }, officeName(officeId))),
          rules.map((rule) => el('td', {}, matrixCell(cells.get(`${officeId} ${rule.id}`), officeId, rule))),
        ),
      ),
    ),
  );
  append(view, [
    el('h2', {}, 'Ergebnis nach Regionalstelle und Standard'),
    el('div', { class: 'summary-counts' }, totals),
    el('div', { class: 'legend', 'aria-label': 'Legende' }, 'Legende:', Object.keys(STATUS).map((s) => statusBadge(s)), el('span', {}, el('span', { class: 'deviation-mark' }, '§ 6'), ' vereinbarte Abweichung')),
    el('p', { class: 'hint' }, 'Ein Feld zeigt den ungünstigsten Stand über alle Wochen und Monate des Prüflaufs. Wählen Sie ein Feld, um die Feststellungen dahinter zu sehen.'),
    el('div', { class: 'matrix-wrap' }, table),
  ]);
}

function matrixCell(cell, officeId, rule) {
  if (!cell) return el('span', { class: 'muted' }, 'nicht geprüft');
  const s = STATUS[cell.status] || { icon: '•', text: cell.status };
  const entries = Object.entries(cell.counts);
  const periods = entries.reduce((sum, [, n]) => sum + n, 0);
  const counts =
    entries.length === 1
      ? `${periods === 1 ? 'ein Zeitraum' : `alle ${periods} Zeiträume`}`
      : entries.map(([status, n]) => `${n}× ${STATUS[status]?.text || status}`).join(', ');
  return el(
    'button',
    {
      type: 'button',
      class: `cell-button status status-${cell.status}`,
      'aria-pressed': 'false',
      'data-office': officeId,
      'data-rule': rule.id,
      'aria-label': `${officeName(officeId)}, ${rule.title}: ${s.text} (${counts})${cell.deviations.length ? ', mit vereinbarter Abweichung' : ''}. Feststellungen anzeigen`,
      onclick: (e) => showFindings(e.currentTarget, officeId, rule),
    },
    el('span', { class: 'cell-status' }, el('span', { 'aria-hidden': 'true' }, `${s.icon} `), s.text),
    el('span', { class: 'cell-counts' }, counts),
    cell.deviations.length ? el('span', { class: 'deviation-mark', title: 'Vereinbarte Abweichung nach Abschnitt 6' }, '§ 6 Abweichung') : null,
  );
}

async function showFindings(button, officeId, rule) {
  for (const b of document.querySelectorAll('.cell-button[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
  button.setAttribute('aria-pressed', 'true');
  const panel = clear(document.getElementById('findings'));
  panel.hidden = false;
  const heading = el('h2', { id: 'findings-heading', tabindex: '-1' }, `Feststellungen: ${officeName(officeId)} – ${rule.title}`);
  const list = el('div', { 'aria-live': 'polite' }, el('p', { class: 'loading' }, 'Die Feststellungen werden geladen …'));
  append(panel, [heading, list, el('p', {}, el('button', { type: 'button', onclick: () => button.focus() }, 'Zurück zur Matrix'))]);
  heading.focus();
  try {
    const runId = state.summary.run.id;
    const findings = await api(`/api/v1/audits/${encodeURIComponent(runId)}/findings?office=${encodeURIComponent(officeId)}&rule=${encodeURIComponent(rule.id)}`);
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
