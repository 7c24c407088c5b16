/* global document */
import { api, ApiError } from './api-client.js';
import { append, clear, el, showError } from './dom.js';
import { DEVIATION_STATUS, SIDE, formatDate, formatDateTime, statusBadge } from './german-format.js';

// Deviations under section 6: the proposals waiting for my side's consent (consent, or reject with
// a reason), and all deviations with their status and history.

const root = document.getElementById('deviations');
const state = { offices: new Map(), rules: new Map() };

const ACTION = { proposed: 'vorgeschlagen', consented: 'zugestimmt', rejected: 'abgelehnt', withdrawn: 'zurückgezogen' };
const KIND = { waiver: 'Standard aussetzen', parameters: 'mit abweichenden Werten prüfen' };

init().catch((err) => showError(root, err));

async function init() {
  const [offices, catalog] = await Promise.all([api('/api/v1/offices'), api('/api/v1/standards')]);
  for (const o of offices) state.offices.set(o.id, o.name);
  for (const r of catalog.rules) state.rules.set(r.id, r.title);
  clear(root).append(
    el('section', { class: 'card', 'aria-labelledby': 'pending-heading' }, el('h2', { id: 'pending-heading' }, 'Warten auf Ihre Zustimmung'), el('div', { id: 'pending' })),
    el('section', { class: 'card', 'aria-labelledby': 'all-heading' }, el('h2', { id: 'all-heading' }, 'Alle Abweichungen'), el('div', { id: 'all' })),
  );
  await refresh();
}

async function refresh() {
  const [pending, all] = await Promise.all([api('/api/v1/deviations?pendingForMe=true'), api('/api/v1/deviations')]);
  renderPending(pending);
  renderAll(all);
}

function describe(d) {
  const period = d.validUntil ? `${formatDate(d.validFrom)} bis ${formatDate(d.validUntil)}` : `ab ${formatDate(d.validFrom)} (unbefristet)`;
  return el(
    'dl',
    { class: 'kv' },
    el('dt', {}, 'Regionalstelle'),
    el('dd', {}, state.offices.get(d.officeId) || d.officeId),
    el('dt', {}, 'Standard'),
    el('dd', {}, state.rules.get(d.ruleId) || d.ruleId),
    el('dt', {}, 'Art'),
    el('dd', {}, KIND[d.kind] || d.kind, d.params ? ` (${Object.entries(d.params).map(([k, v]) => `${k} = ${v}`).join(', ')})` : ''),
    el('dt', {}, 'Zeitraum'),
    el('dd', {}, period),
    el('dt', {}, 'Begründung'),
    el('dd', {}, d.reason),
    el('dt', {}, 'Vorgeschlagen'),
    el('dd', {}, `von der ${SIDE[d.proposedBy.side] || d.proposedBy.side} am ${formatDateTime(d.proposedAt)}`),
  );
}

function renderPending(list) {
  const box = clear(document.getElementById('pending'));
  if (list.length === 0) {
    box.append(el('p', {}, 'Keine Vorschläge warten auf Ihre Zustimmung.'));
    return;
  }
  for (const d of list) box.append(proposalCard(d));
}

function proposalCard(d) {
  const id = d.id;
  const reason = el('textarea', { id: `reason-${id}`, name: 'reason', rows: 2, 'aria-describedby': `reason-${id}-hint reason-${id}-error` });
  const error = el('p', { id: `reason-${id}-error`, class: 'field-error', hidden: true });
  const status = el('p', { role: 'status' });
  const heading = `${state.rules.get(d.ruleId) || d.ruleId} – ${state.offices.get(d.officeId) || d.officeId}`;
  const decide = async (action, button) => {
    error.hidden = true;
    reason.removeAttribute('aria-invalid');
    const text = reason.value.trim();
    if (action === 'reject' && !text) {
      error.hidden = false;
      error.textContent = '✗ Bitte begründen Sie die Ablehnung.';
      reason.setAttribute('aria-invalid', 'true');
      reason.focus();
      return;
    }
    button.disabled = true;
    try {
      await api(`/api/v1/deviations/${encodeURIComponent(id)}/${action}`, { method: 'POST', body: text ? { reason: text } : {} });
      await refresh();
      const note = el('p', { class: 'notice', role: 'status', tabindex: '-1' }, action === 'consent' ? `Sie haben zugestimmt: ${heading}. Die Abweichung ist vereinbart.` : `Sie haben abgelehnt: ${heading}.`);
      document.getElementById('pending').prepend(note);
      note.focus();
    } catch (err) {
      button.disabled = false;
      if (err instanceof ApiError && err.details.length) {
        error.hidden = false;
        error.setAttribute('role', 'alert');
        error.textContent = `✗ ${err.details.map((x) => x.message).join('; ')}`;
        reason.setAttribute('aria-invalid', 'true');
        reason.focus();
      } else {
        status.textContent = err.message;
      }
    }
  };
  // Several proposals on one page: the hidden suffix tells a screen reader which one a button decides.
  const which = () => el('span', { class: 'visually-hidden' }, ` (${heading})`);
  const consent = el('button', { type: 'button', class: 'button-primary', onclick: (e) => decide('consent', e.currentTarget) }, 'Zustimmen', which());
  const reject = el('button', { type: 'button', class: 'button-danger', onclick: (e) => decide('reject', e.currentTarget) }, 'Ablehnen', which());
  return el(
    'article',
    { class: 'proposal', 'data-id': id, 'aria-labelledby': `proposal-${id}` },
    el('h3', { id: `proposal-${id}` }, heading),
    describe(d),
    el(
      'div',
      { class: 'decision' },
      el('div', { class: 'field' }, el('label', { for: `reason-${id}` }, 'Begründung'), reason, el('p', { id: `reason-${id}-hint`, class: 'hint' }, 'Für eine Ablehnung erforderlich, für eine Zustimmung freiwillig.'), error),
      el('div', { class: 'toolbar' }, consent, reject),
    ),
    status,
  );
}

function renderAll(list) {
  const box = clear(document.getElementById('all'));
  if (list.length === 0) {
    box.append(el('p', {}, 'Es gibt noch keine Abweichungen.'));
    return;
  }
  box.append(
    el(
      'table',
      { class: 'deviation-table', id: 'deviation-table' },
      el('caption', { class: 'visually-hidden' }, 'Alle Abweichungen mit Status'),
      el(
        'thead',
        {},
        el('tr', {}, ['Status', 'Regionalstelle', 'Standard', 'Art', 'Zeitraum', 'Vorgeschlagen von', 'Verlauf'].map((h) => el('th', { scope: 'col' }, h))),
      ),
      el(
        'tbody',
        {},
        list.map((d) =>
          el(
            'tr',
            { 'data-id': d.id },
            el('td', {}, statusBadge(d.status, DEVIATION_STATUS), d.awaitingConsentFrom ? el('div', { class: 'hint' }, `wartet auf: ${SIDE[d.awaitingConsentFrom]}`) : null),
            el('td', {}, state.offices.get(d.officeId) || d.officeId),
            el('td', {}, state.rules.get(d.ruleId) || d.ruleId),
            el('td', {}, KIND[d.kind] || d.kind),
            el('td', {}, d.validUntil ? `${formatDate(d.validFrom)} – ${formatDate(d.validUntil)}` : `ab ${formatDate(d.validFrom)}`),
            el('td', {}, `${SIDE[d.proposedBy.side] || d.proposedBy.side}, ${formatDateTime(d.proposedAt)}`),
            el('td', {}, historyDisclosure(d)),
          ),
        ),
      ),
    ),
  );
}

/** The history is loaded when the disclosure is first opened (GET /api/v1/deviations/:id). */
function historyDisclosure(d) {
  const list = el('ol', { class: 'history' });
  const details = el('details', {}, el('summary', {}, 'Verlauf anzeigen'), list);
  let loaded = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || loaded) return;
    loaded = true;
    list.append(el('li', { class: 'loading' }, 'Wird geladen …'));
    try {
      const full = await api(`/api/v1/deviations/${encodeURIComponent(d.id)}`);
      clear(list);
      append(
        list,
        full.history.map((h) => el('li', {}, `${formatDateTime(h.at)}: ${ACTION[h.action] || h.action} von der ${SIDE[h.side] || h.side}${h.reason ? ` – „${h.reason}“` : ''}`)),
      );
    } catch (err) {
      loaded = false;
      showError(list, err);
    }
  });
  return details;
}
