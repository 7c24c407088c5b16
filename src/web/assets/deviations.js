// @ts-check
import { api, ApiError, errorText } from './api-client.js';
import { CLOCK_INPUT_MESSAGE, normaliseClock } from './clock-text.js';
import { append, byId, clear, el, showError } from './dom.js';
import { formatDate, formatDateTime, formatValue } from './german-format.js';
import { officeName, offices } from './offices.js';
import { param, ruleTitle, standards, statusBadge, words } from './vocabulary.js';

// Deviations under section 6: the proposals waiting for my side's consent (consent, or reject with
// a reason), a form to propose one, and all deviations with their status and history. Rules,
// parameter labels and units come from the catalog: the form offers the parameters of the chosen
// rule as labelled fields typed by their value (number, time, yes/no), never as keys or JSON.

/** @typedef {import('./api-types').DeviationSummary} DeviationSummary */
/** @typedef {import('./api-types').DeviationView} DeviationView */
/** @typedef {import('./api-types').Rule} Rule */
/** @typedef {import('./api-types').ErrorDetail} ErrorDetail */
/** @typedef {import('./api-types').ParamSpec['value']} ParamValue */

const root = byId('deviations');

const ACTION = { proposed: 'vorgeschlagen', consented: 'zugestimmt', rejected: 'abgelehnt', withdrawn: 'zurückgezogen' };
const KIND = { waiver: 'Standard aussetzen', parameters: 'mit abweichenden Werten prüfen' };
/** @type {Record<string, 'coordination' | 'regional'>} */
const OTHER_SIDE = { coordination: 'regional', regional: 'coordination' };
const CLOCK = /^([01]\d|2[0-4]):[0-5]\d$/;

/** @param {string} side */
const sideName = (side) => words.sides[/** @type {'coordination' | 'regional'} */ (side)] ?? 'anderen Seite';

init().catch((err) => showError(root, err));

async function init() {
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

/**
 * The changed values of a deviation with the catalog's labels and units: "Mindestöffnungszeit je Woche: 18 Std.".
 * @param {DeviationSummary} d
 */
function describeParams(d) {
  return Object.entries(d.params ?? {})
    .map(([key, v]) => {
      const p = param(d.ruleId, key);
      return p ? `${p.label}: ${formatValue(v, p.unit)}` : null;
    })
    .filter(Boolean)
    .join(', ');
}

/** @param {DeviationSummary} d */
function describe(d) {
  const period = d.validUntil ? `${formatDate(d.validFrom)} bis ${formatDate(d.validUntil)}` : `ab ${formatDate(d.validFrom)} (unbefristet)`;
  const changes = describeParams(d);
  return el(
    'dl',
    { class: 'kv' },
    el('dt', {}, 'Regionalstelle'),
    el('dd', {}, officeName(d.officeId)),
    el('dt', {}, 'Standard'),
    el('dd', {}, ruleTitle(d.ruleId)),
    el('dt', {}, 'Art'),
    el('dd', {}, KIND[d.kind] ?? '', changes ? ` (${changes})` : ''),
    el('dt', {}, 'Zeitraum'),
    el('dd', {}, period),
    el('dt', {}, 'Begründung'),
    el('dd', {}, d.reason),
    el('dt', {}, 'Vorgeschlagen'),
    el('dd', {}, `von der ${sideName(d.proposedBy.side)} am ${formatDateTime(d.proposedAt)}`),
  );
}

/** @param {DeviationSummary[]} list */
function renderPending(list) {
  const box = clear(byId('pending'));
  if (list.length === 0) {
    box.append(el('p', {}, 'Keine Vorschläge warten auf Ihre Zustimmung.'));
    return;
  }
  for (const d of list) box.append(proposalCard(d));
}

/** @param {DeviationSummary} d */
function proposalCard(d) {
  const id = d.id;
  const reason = el('textarea', { id: `reason-${id}`, name: 'reason', rows: 2, 'aria-describedby': `reason-${id}-hint reason-${id}-error` });
  const error = el('p', { id: `reason-${id}-error`, class: 'field-error', hidden: true });
  const status = el('p', { role: 'status' });
  const heading = `${ruleTitle(d.ruleId)} – ${officeName(d.officeId)}`;
  /**
   * @param {'consent' | 'reject'} action
   * @param {HTMLButtonElement} button
   */
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
      byId('pending').prepend(note);
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
        status.textContent = errorText(err);
      }
    }
  };
  // Several proposals on one page: the hidden suffix tells a screen reader which one a button decides.
  const which = () => el('span', { class: 'visually-hidden' }, ` (${heading})`);
  const consent = el('button', { type: 'button', class: 'button-primary', onclick: (/** @type {MouseEvent} */ e) => decide('consent', /** @type {HTMLButtonElement} */ (e.currentTarget)) }, 'Zustimmen', which());
  const reject = el('button', { type: 'button', class: 'button-danger', onclick: (/** @type {MouseEvent} */ e) => decide('reject', /** @type {HTMLButtonElement} */ (e.currentTarget)) }, 'Ablehnen', which());
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

/** @param {DeviationSummary[]} list */
function renderAll(list) {
  const box = clear(byId('all'));
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
            el('td', {}, statusBadge(d.status, words.deviationStatuses), d.awaitingConsentFrom ? el('div', { class: 'hint' }, `wartet auf: ${sideName(d.awaitingConsentFrom)}`) : null),
            el('td', {}, officeName(d.officeId)),
            el('td', {}, ruleTitle(d.ruleId)),
            el('td', {}, KIND[d.kind] ?? '', d.params ? el('div', { class: 'hint' }, describeParams(d)) : null),
            el('td', {}, d.validUntil ? `${formatDate(d.validFrom)} – ${formatDate(d.validUntil)}` : `ab ${formatDate(d.validFrom)}`),
            el('td', {}, `${sideName(d.proposedBy.side)}, ${formatDateTime(d.proposedAt)}`),
            el('td', {}, historyDisclosure(d)),
          ),
        ),
      ),
    ),
  );
}

/**
 * The history is loaded when the disclosure is first opened (GET /api/v1/deviations/:id).
 * @param {DeviationSummary} d
 */
function historyDisclosure(d) {
  const list = el('ol', { class: 'history' });
  const details = el('details', {}, el('summary', {}, 'Verlauf anzeigen'), list);
  let loaded = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || loaded) return;
    loaded = true;
    list.append(el('li', { class: 'loading' }, 'Wird geladen …'));
    try {
      /** @type {DeviationView} */
      const full = await api(`/api/v1/deviations/${encodeURIComponent(d.id)}`);
      clear(list);
      append(
        list,
        full.history.map((h) => el('li', {}, `${formatDateTime(h.at)}: ${ACTION[h.action] ?? ''} von der ${sideName(h.side)}${h.reason ? ` – „${h.reason}“` : ''}`)),
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
  /** @type {Map<string, { input: HTMLElement, error: HTMLElement }>} API field name → input and error line */
  const fields = new Map();
  const status = el('p', { id: 'propose-status', role: 'status', tabindex: '-1' });
  const formError = el('div', { id: 'propose-error', tabindex: '-1', hidden: true });

  /**
   * @param {string} name
   * @param {string} id
   * @param {string} labelText
   * @param {HTMLElement} input
   * @param {string} [hint]
   * @param {string} [unit]
   */
  const field = (name, id, labelText, input, hint, unit) => {
    const error = el('p', { id: `${id}-error`, class: 'field-error', hidden: true });
    input.setAttribute('aria-describedby', [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
    fields.set(name, { input, error });
    return el(
      'div',
      { class: 'field' },
      el('label', { for: id }, labelText),
      unit ? el('span', { class: 'with-unit' }, input, el('span', { class: 'unit' }, unit)) : input,
      hint ? el('p', { id: `${id}-hint`, class: 'hint' }, hint) : null,
      error,
    );
  };

  /** @param {HTMLElement} node */
  const wide = (node) => {
    node.classList.add('field-wide');
    return node;
  };

  const office = el('select', { id: 'propose-office', name: 'officeId', required: true, onchange: () => fillRules() }, offices.map((o) => el('option', { value: o.id }, o.name)));
  const rule = el('select', { id: 'propose-rule', name: 'ruleId', required: true, onchange: () => fillParams() });
  const validFrom = el('input', { type: 'date', id: 'propose-validFrom', name: 'validFrom', required: true });
  const validUntil = el('input', { type: 'date', id: 'propose-validUntil', name: 'validUntil' });
  const reason = el('textarea', { id: 'propose-reason', name: 'reason', rows: 3, required: true, maxlength: 2000 });

  /**
   * @param {'waiver' | 'parameters'} value
   * @param {string} text
   */
  const radio = (value, text) => el('label', {}, el('input', { type: 'radio', name: 'kind', value, checked: value === 'waiver', onchange: () => showParams() }), ` ${text}`);
  const waiverRadio = radio('waiver', 'Standard aussetzen');
  const parametersRadio = radio('parameters', 'Andere Werte');
  const waiverInput = /** @type {HTMLInputElement} */ (waiverRadio.querySelector('input'));
  const parametersInput = /** @type {HTMLInputElement} */ (parametersRadio.querySelector('input'));
  const kindError = el('p', { id: 'propose-kind-error', class: 'field-error', hidden: true });
  const kindHint = el('p', { id: 'propose-kind-hint', class: 'hint' }, '');
  const kind = el('fieldset', { id: 'propose-kind', 'aria-describedby': 'propose-kind-hint propose-kind-error' }, el('legend', {}, 'Art der Abweichung'), el('div', { class: 'mode-switch' }, waiverRadio, parametersRadio), kindHint, kindError);
  fields.set('kind', { input: waiverInput, error: kindError });

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
  /** @type {Array<{ name: string, input: HTMLInputElement, standard: ParamValue, type: 'boolean' | 'number' | 'time' | 'text' }>} */
  let paramInputs = [];

  const kindValue = () => (parametersInput.checked ? 'parameters' : 'waiver');

  function fillRules() {
    const role = offices.find((o) => o.id === office.value)?.role;
    const previous = rule.value;
    const applicable = standards.rules.filter((r) => role && r.appliesTo.includes(role));
    // The title alone (the obligation in brackets): long titles wrap in the wide field, nothing is cut off.
    clear(rule).append(...applicable.map((r) => el('option', { value: r.id, title: r.title }, `${r.title} (${words.obligations[r.obligation].short})`)));
    if (applicable.some((r) => r.id === previous)) rule.value = previous;
    fillParams();
  }

  function fillParams() {
    const r = standards.rules.find((x) => x.id === rule.value);
    const entries = r ? Object.entries(r.params) : [];
    clear(paramsBox);
    for (const name of [...fields.keys()]) if (name.startsWith('params.')) fields.delete(name);
    paramInputs = entries.map(([name, spec]) => {
      const standard = spec.value;
      const id = `propose-param-${name}`;
      if (typeof standard === 'boolean') {
        const input = el('input', { type: 'checkbox', id, name, checked: standard, 'aria-describedby': `${id}-hint ${id}-error` });
        const error = el('p', { id: `${id}-error`, class: 'field-error', hidden: true });
        fields.set(`params.${name}`, { input, error });
        paramsBox.append(el('div', { class: 'field' }, el('label', { for: id, class: 'check' }, input, ` ${spec.label}`), el('p', { id: `${id}-hint`, class: 'hint' }, `Standard: ${standard ? 'ja' : 'nein'}`), error));
        return { name, input, standard, type: /** @type {const} */ ('boolean') };
      }
      if (typeof standard === 'number') {
        const input = el('input', { type: 'number', id, name, step: 'any', value: standard, inputmode: 'decimal' });
        paramsBox.append(field(`params.${name}`, id, spec.label, input, `Standard: ${formatValue(standard, spec.unit)}`, spec.unit));
        return { name, input, standard, type: /** @type {const} */ ('number') };
      }
      const time = CLOCK.test(standard);
      const input = el('input', { type: 'text', id, name, value: standard, inputmode: time ? 'decimal' : 'text', autocomplete: 'off', size: 6 });
      if (time) {
        input.addEventListener('change', () => {
          const normal = normaliseClock(input.value);
          if (normal) input.value = normal;
        });
      }
      paramsBox.append(field(`params.${name}`, id, spec.label, input, `Standard: ${formatValue(standard, spec.unit)}`, spec.unit));
      return { name, input, standard, type: time ? /** @type {const} */ ('time') : /** @type {const} */ ('text') };
    });
    parametersInput.disabled = paramInputs.length === 0;
    if (parametersInput.disabled && parametersInput.checked) waiverInput.checked = true;
    kindHint.textContent = paramInputs.length === 0 ? 'Dieser Standard hat keine einstellbaren Werte; möglich ist nur „Standard aussetzen“.' : '';
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

  /** @param {ErrorDetail[]} details */
  function showFieldErrors(details) {
    /** @type {HTMLElement | null} */
    let first = null;
    /** @type {string[]} */
    const general = [];
    for (const d of details) {
      let target = fields.get(d.field);
      if (!target && (d.field === 'params' || d.field.startsWith('params.'))) target = { input: paramInputs[0]?.input ?? parametersInput, error: paramsError };
      if (!target) {
        general.push(d.message);
        continue;
      }
      target.error.hidden = false;
      target.error.textContent = target.error.textContent ? `${target.error.textContent} ✗ ${d.message}` : `✗ ${d.message}`;
      target.input.setAttribute('aria-invalid', 'true');
      first = first ?? target.input;
    }
    if (general.length) showFormError(general.join(' '));
    if (first) first.focus();
    else if (general.length) formError.focus();
  }

  /** @param {string} message */
  function showFormError(message) {
    formError.hidden = false;
    clear(formError).append(el('p', { class: 'error-box', role: 'alert' }, el('span', { 'aria-hidden': 'true' }, '✗ '), message));
  }

  /** The changed values, or the field errors of inputs that do not hold a value. */
  function collectParams() {
    /** @type {Record<string, ParamValue>} */
    const values = {};
    /** @type {ErrorDetail[]} */
    const problems = [];
    for (const { name, input, standard, type } of paramInputs) {
      /** @type {ParamValue} */
      let v;
      if (type === 'boolean') v = input.checked;
      else if (type === 'number') {
        if (input.value === '' || !Number.isFinite(input.valueAsNumber)) {
          problems.push({ field: `params.${name}`, message: 'Bitte eine Zahl angeben.' });
          continue;
        }
        v = input.valueAsNumber;
      } else if (type === 'time') {
        const normal = normaliseClock(input.value);
        if (!normal) {
          problems.push({ field: `params.${name}`, message: CLOCK_INPUT_MESSAGE });
          continue;
        }
        v = normal;
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
      field('validFrom', 'propose-validFrom', 'Gültig ab', validFrom),
      field('validUntil', 'propose-validUntil', 'Gültig bis', validUntil, 'Letzter Tag (einschließlich); leer: unbefristet.'),
      wide(field('ruleId', 'propose-rule', 'Standard', rule, 'Nur Standards, die für die gewählte Regionalstelle gelten.')),
    ),
    kind,
    params,
    field('reason', 'propose-reason', 'Begründung der Abweichung', reason),
    formError,
    el('p', {}, submit),
    status,
  );
  fields.set('params', { input: parametersInput, error: paramsError });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    status.className = '';
    status.textContent = '';
    /** @type {{ officeId: string, ruleId: string, validFrom: string, validUntil?: string, kind: string, reason: string, params?: Record<string, ParamValue> }} */
    const body = { officeId: office.value, ruleId: rule.value, validFrom: validFrom.value, kind: kindValue(), reason: reason.value };
    if (validUntil.value) body.validUntil = validUntil.value;
    /** @type {ErrorDetail[]} */
    const problems = [];
    // An empty (or half-typed) date is said at the field before the service is asked.
    if (!validFrom.value) problems.push({ field: 'validFrom', message: 'Bitte ein Datum wählen.' });
    if (body.kind === 'parameters') {
      const collected = collectParams();
      problems.push(...collected.problems);
      body.params = collected.values;
    }
    if (problems.length) {
      showFieldErrors(problems);
      return;
    }
    submit.disabled = true;
    try {
      /** @type {DeviationSummary} */
      const created = await api('/api/v1/deviations', { method: 'POST', body });
      await refresh();
      validFrom.value = '';
      validUntil.value = '';
      reason.value = '';
      const awaiting = sideName(created.awaitingConsentFrom ?? OTHER_SIDE[created.proposedBy.side]);
      status.className = 'notice';
      status.textContent = `Vorgeschlagen: ${ruleTitle(body.ruleId)} – ${officeName(body.officeId)}. Die Abweichung wartet auf die Zustimmung der ${awaiting}.`;
      status.focus();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.details.length) showFieldErrors(err.details);
      else {
        // 409: the period overlaps another deviation; the API's message says which and what to do.
        showFormError(errorText(err));
        formError.focus();
      }
    } finally {
      submit.disabled = false;
    }
  });

  fillRules();
  return form;
}
