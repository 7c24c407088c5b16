/* global document */
import { api, ApiError } from './api-client.js';
import { append, clear, el, showError } from './dom.js';
import { DEVIATION_STATUS, OBLIGATION, SIDE, formatDate, formatDateTime, formatNumber, statusBadge } from './german-format.js';

// Deviations under section 6: the proposals waiting for my side's consent (consent, or reject with
// a reason), a form to propose one, and all deviations with their status and history.

const root = document.getElementById('deviations');
const state = { offices: new Map(), rules: new Map(), officeList: [], catalog: [] };

const ACTION = { proposed: 'vorgeschlagen', consented: 'zugestimmt', rejected: 'abgelehnt', withdrawn: 'zurückgezogen' };
const KIND = { waiver: 'Standard aussetzen', parameters: 'mit abweichenden Werten prüfen' };
/** German names of the rule parameters a deviation can change (as in finding-view.js). */
const PARAM_LABELS = {
  everyDay: 'An jedem Werktag',
  minimumDays: 'Mindestzahl Tage',
  minimumHours: 'Mindeststunden',
  minimumPercent: 'Mindestanteil (%)',
  minimumGroupSize: 'Mindestgröße der Gruppe',
  openUntilAtLeast: 'Geöffnet mindestens bis',
  creditHolidays: 'Feiertage nach Plan anrechnen',
  days: 'Tage',
  windowStart: 'Zeitfenster ab',
  windowEnd: 'Zeitfenster bis',
};
const OTHER_SIDE = { coordination: 'regional', regional: 'coordination' };

init().catch((err) => showError(root, err));

async function init() {
  const [offices, catalog] = await Promise.all([api('/api/v1/offices'), api('/api/v1/standards')]);
  for (const o of offices) state.offices.set(o.id, o.name);
  for (const r of catalog.rules) state.rules.set(r.id, r.title);
  state.officeList = offices;
  state.catalog = catalog.rules;
  clear(root).append(
    el('section', { class: 'card', 'aria-labelledby': 'pending-heading' }, el('h2', { id: 'pending-heading' }, 'Warten auf Ihre Zustimmung'), el('div', { id: 'pending' })),
    el('section', { class: 'card', 'aria-labelledby': 'propose-heading' }, el('h2', { id: 'propose-heading' }, 'Abweichung vorschlagen'), proposalForm()),
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

/**
 * Proposes a deviation (POST /api/v1/deviations): office, a rule that applies to the office's role,
 * the period, waiver or other parameter values (prefilled with the standard's), and a reason. The
 * API judges the proposal; its field errors are shown beside the inputs they name.
 */
function proposalForm() {
  const fields = new Map(); // API field name → { input, error }
  const status = el('p', { id: 'propose-status', role: 'status', tabindex: '-1' });
  const formError = el('div', { id: 'propose-error', tabindex: '-1', hidden: true });

  const field = (name, id, labelText, input, hint) => {
    const error = el('p', { id: `${id}-error`, class: 'field-error', hidden: true });
    input.setAttribute('aria-describedby', [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
    fields.set(name, { input, error });
    return el('div', { class: 'field' }, el('label', { for: id }, labelText), input, hint ? el('p', { id: `${id}-hint`, class: 'hint' }, hint) : null, error);
  };

  const wide = (node) => {
    node.classList.add('field-wide');
    return node;
  };

  const office = el(
    'select',
    { id: 'propose-office', name: 'officeId', required: true, onchange: () => fillRules() },
    state.officeList.map((o) => el('option', { value: o.id }, o.name)),
  );
  const rule = el('select', { id: 'propose-rule', name: 'ruleId', required: true, onchange: () => fillParams() });
  const validFrom = el('input', { type: 'date', id: 'propose-validFrom', name: 'validFrom', required: true });
  const validUntil = el('input', { type: 'date', id: 'propose-validUntil', name: 'validUntil' });
  const reason = el('textarea', { id: 'propose-reason', name: 'reason', rows: 3, required: true, maxlength: 2000 });

  const radio = (value, text) => el('label', {}, el('input', { type: 'radio', name: 'kind', value, checked: value === 'waiver', onchange: () => showParams() }), ` ${text}`);
  const waiverRadio = radio('waiver', 'Standard aussetzen');
  const parametersRadio = radio('parameters', 'Andere Werte');
  const kindError = el('p', { id: 'propose-kind-error', class: 'field-error', hidden: true });
  const kind = el(
    'fieldset',
    { id: 'propose-kind', 'aria-describedby': 'propose-kind-hint propose-kind-error' },
    el('legend', {}, 'Art der Abweichung'),
    el('div', { class: 'mode-switch' }, waiverRadio, parametersRadio),
    el('p', { id: 'propose-kind-hint', class: 'hint' }, ''),
    kindError,
  );
  const kindHint = kind.querySelector('.hint');
  fields.set('kind', { input: waiverRadio.querySelector('input'), error: kindError });

  const paramsError = el('p', { id: 'propose-params-error', class: 'field-error', hidden: true });
  const paramsBox = el('div', { class: 'param-fields' });
  const params = el(
    'fieldset',
    { id: 'propose-params', class: 'param-set', hidden: true, 'aria-describedby': 'propose-params-hint propose-params-error' },
    el('legend', {}, 'Abweichende Werte'),
    el('p', { id: 'propose-params-hint', class: 'hint' }, 'Vorbelegt mit den Werten des Standards; übernommen werden nur die geänderten Werte.'),
    paramsBox,
    paramsError,
  );
  let paramInputs = []; // { name, input, standard }

  const selectedRule = () => state.catalog.find((r) => r.id === rule.value);
  const kindValue = () => (parametersRadio.querySelector('input').checked ? 'parameters' : 'waiver');

  function fillRules() {
    const role = (state.officeList.find((o) => o.id === office.value) || {}).role;
    const previous = rule.value;
    const applicable = state.catalog.filter((r) => r.appliesTo.includes(role));
    clear(rule).append(...applicable.map((r) => el('option', { value: r.id }, `${r.title} – ${(OBLIGATION[r.obligation] || { text: r.obligation }).text}`)));
    if (applicable.some((r) => r.id === previous)) rule.value = previous;
    fillParams();
  }

  function fillParams() {
    const r = selectedRule();
    const entries = r ? Object.entries(r.params || {}) : [];
    clear(paramsBox);
    for (const name of [...fields.keys()]) if (name.startsWith('params.')) fields.delete(name);
    paramInputs = entries.map(([name, spec]) => {
      const standard = spec && typeof spec === 'object' ? spec.value : spec;
      const id = `propose-param-${name}`;
      const labelText = PARAM_LABELS[name] || name;
      if (typeof standard === 'boolean') {
        const input = el('input', { type: 'checkbox', id, name, checked: standard, 'aria-describedby': `${id}-hint ${id}-error` });
        const error = el('p', { id: `${id}-error`, class: 'field-error', hidden: true });
        fields.set(`params.${name}`, { input, error });
        paramsBox.append(
          el('div', { class: 'field' }, el('label', { for: id, class: 'check' }, input, ` ${labelText}`), el('p', { id: `${id}-hint`, class: 'hint' }, `Standard: ${standard ? 'ja' : 'nein'}`), error),
        );
        return { name, input, standard };
      }
      const isNumber = typeof standard === 'number';
      const input = isNumber
        ? el('input', { type: 'number', id, name, step: 'any', value: standard })
        : el('input', { type: 'text', id, name, value: standard, inputmode: 'numeric', autocomplete: 'off', size: 6 });
      const hint = isNumber ? `Standard: ${formatNumber(standard)}` : /^\d{2}:\d{2}$/.test(String(standard)) ? `Standard: ${standard} (Format HH:MM)` : `Standard: ${standard}`;
      paramsBox.append(field(`params.${name}`, id, labelText, input, hint));
      return { name, input, standard };
    });
    const parametersInput = parametersRadio.querySelector('input');
    parametersInput.disabled = paramInputs.length === 0;
    if (parametersInput.disabled && parametersInput.checked) waiverRadio.querySelector('input').checked = true;
    kindHint.textContent = paramInputs.length === 0 ? 'Diese Regel hat keine Parameter; möglich ist nur „Standard aussetzen“.' : '';
    kindHint.hidden = paramInputs.length > 0;
    showParams();
  }

  function showParams() {
    params.hidden = kindValue() !== 'parameters';
  }

  function clearErrors() {
    for (const { input, error } of fields.values()) {
      input.removeAttribute('aria-invalid');
      error.hidden = true;
      error.textContent = '';
    }
    paramsError.hidden = true;
    formError.hidden = true;
    clear(formError);
  }

  function showFieldErrors(details) {
    let first = null;
    const general = [];
    for (const d of details) {
      let target = fields.get(d.field);
      if (!target && d.field === 'params') target = { input: paramInputs[0] ? paramInputs[0].input : parametersRadio.querySelector('input'), error: paramsError };
      if (!target && typeof d.field === 'string' && d.field.startsWith('params.')) target = { input: paramInputs[0] ? paramInputs[0].input : rule, error: paramsError };
      if (!target) {
        general.push(d.message);
        continue;
      }
      target.error.hidden = false;
      target.error.textContent = target.error.textContent ? `${target.error.textContent} ✗ ${d.message}` : `✗ ${d.message}`;
      target.input.setAttribute('aria-invalid', 'true');
      first = first || target.input;
    }
    if (general.length) showFormError(general.join(' '));
    if (first) first.focus();
    else if (general.length) formError.focus();
  }

  function showFormError(message) {
    formError.hidden = false;
    clear(formError).append(el('p', { class: 'error-box', role: 'alert' }, el('span', { 'aria-hidden': 'true' }, '✗ '), message));
  }

  /** The changed values, or the field errors of inputs that do not hold a value. */
  function collectParams() {
    const values = {};
    const problems = [];
    for (const { name, input, standard } of paramInputs) {
      let v;
      if (input.type === 'checkbox') v = input.checked;
      else if (input.type === 'number') {
        if (input.value === '' || !Number.isFinite(input.valueAsNumber)) {
          problems.push({ field: `params.${name}`, message: 'Bitte eine Zahl angeben.' });
          continue;
        }
        v = input.valueAsNumber;
      } else v = input.value.trim();
      if (v !== standard) values[name] = v;
    }
    return { values, problems };
  }

  const submit = el('button', { type: 'submit', class: 'button-primary' }, 'Abweichung vorschlagen');
  const form = el(
    'form',
    { id: 'propose-form', class: 'propose-form', novalidate: true, 'aria-labelledby': 'propose-heading' },
    el('p', { class: 'hint' }, 'Die Abweichung wird wirksam, wenn die andere Seite zugestimmt hat. Alle Felder außer „Gültig bis“ sind erforderlich.'),
    el(
      'div',
      { class: 'form-grid' },
      field('officeId', 'propose-office', 'Regionalstelle', office),
      wide(field('ruleId', 'propose-rule', 'Standard (Regel)', rule, 'Nur Regeln, die für die gewählte Regionalstelle gelten.')),
      field('validFrom', 'propose-validFrom', 'Gültig ab', validFrom),
      field('validUntil', 'propose-validUntil', 'Gültig bis', validUntil, 'Letzter Tag (einschließlich); leer: unbefristet.'),
    ),
    kind,
    params,
    field('reason', 'propose-reason', 'Begründung der Abweichung', reason),
    formError,
    el('p', {}, submit),
    status,
  );
  fields.set('params', { input: parametersRadio.querySelector('input'), error: paramsError });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    status.className = '';
    status.textContent = '';
    const body = { officeId: office.value, ruleId: rule.value, validFrom: validFrom.value, kind: kindValue(), reason: reason.value };
    if (validUntil.value) body.validUntil = validUntil.value;
    if (body.kind === 'parameters') {
      const { values, problems } = collectParams();
      if (problems.length) {
        showFieldErrors(problems);
        return;
      }
      body.params = values;
    }
    submit.disabled = true;
    try {
      const created = await api('/api/v1/deviations', { method: 'POST', body });
      await refresh();
      validFrom.value = '';
      validUntil.value = '';
      reason.value = '';
      const awaiting = SIDE[created.awaitingConsentFrom || OTHER_SIDE[created.proposedBy && created.proposedBy.side]] || 'anderen Seite';
      status.className = 'notice';
      status.textContent = `Vorgeschlagen: ${state.rules.get(body.ruleId) || body.ruleId} – ${state.offices.get(body.officeId) || body.officeId}. Die Abweichung wartet auf die Zustimmung der ${awaiting}.`;
      status.focus();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.details.length) showFieldErrors(err.details);
      else {
        // 409: the period overlaps another deviation; the API's message says which and what to do.
        showFormError(err.message);
        formError.focus();
      }
    } finally {
      submit.disabled = false;
    }
  });

  fillRules();
  return form;
}
