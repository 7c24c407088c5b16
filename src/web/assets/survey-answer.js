// @ts-check
import { clear, el } from './dom.js';

// The public answering page: staff enter their one-time code, customers open their office's link
// (on their phone or a tablet at the counter). No sign-in; the page talks only to
// /api/v1/public/surveys, which accepts answers and returns the questionnaire, never results.
// The code stays in this page's memory: it is not put in the address, so it is not logged anywhere.

/** @typedef {import('./survey-types.js').PublicForm} PublicForm */
/** @typedef {import('./survey-types.js').Questionnaire} Questionnaire */
/** @typedef {{ field: string, message: string }} Detail */

const root = /** @type {HTMLElement} */ (document.getElementById('survey-answer'));
const mode = root.dataset.mode;
const linkKey = root.dataset.linkKey ?? '';
const PUBLIC = '/api/v1/public/surveys';

class PublicError extends Error {
  /** @param {number} status @param {{ message?: string, details?: Detail[] } | null} body */
  constructor(status, body) {
    super(body?.message || `Das hat nicht geklappt (HTTP ${status}). Bitte versuchen Sie es noch einmal.`);
    this.status = status;
    this.details = body?.details ?? [];
  }
}

/** @param {string} path @param {unknown} body */
async function post(path, body) {
  const res = await fetch(`${PUBLIC}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body), credentials: 'omit' });
  /** @type {any} */
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new PublicError(res.status, data);
  return data;
}

function problem(/** @type {unknown} */ err) {
  return el('p', { class: 'error-box', role: 'alert', tabindex: '-1' }, el('span', { 'aria-hidden': 'true' }, '✗ '), err instanceof Error ? err.message : String(err));
}

function focusHeading(/** @type {HTMLElement} */ h) {
  h.setAttribute('tabindex', '-1');
  h.focus();
}

if (mode === 'link') openLink();
else askForCode();

// ---- staff: the code first ----

function askForCode() {
  const input = /** @type {HTMLInputElement} */ (el('input', { type: 'text', id: 'code', name: 'code', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', inputmode: 'text', maxlength: 20, 'aria-describedby': 'code-hint code-error', placeholder: 'ABCD-EFGH-JKMNP' }));
  const error = el('p', { class: 'field-error', id: 'code-error', hidden: true });
  const heading = el('h1', {}, 'Befragung der Mitarbeiterinnen und Mitarbeiter');
  const form = /** @type {HTMLFormElement} */ (el(
    'form',
    { class: 'answer-card', novalidate: true },
    el('div', { class: 'field' }, el('label', { for: 'code' }, 'Ihr Code'), input, el('p', { class: 'hint', id: 'code-hint' }, 'Der Code steht auf dem Zettel, den Sie bekommen haben (13 Zeichen). Er gilt für genau eine Antwort und wird nicht mit Ihren Antworten gespeichert.'), error),
    el('button', { type: 'submit', class: 'button-primary button-large' }, 'Weiter'),
  ));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    input.removeAttribute('aria-invalid');
    try {
      /** @type {PublicForm} */
      const form = await post('/codes/check', { code: input.value });
      const code = input.value;
      showQuestionnaire(form, (answer) => post('/codes/answers', { code, ...answer }));
    } catch (err) {
      error.hidden = false;
      error.setAttribute('role', 'alert');
      error.textContent = `✗ ${err instanceof Error ? err.message : String(err)}`;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  });
  clear(root).append(heading, form);
  input.focus();
}

// ---- customers: the office's link ----

async function openLink() {
  clear(root).append(el('p', { class: 'loading', role: 'status' }, 'Die Befragung wird geladen …'));
  try {
    /** @type {PublicForm} */
    const form = await post(`/links/${encodeURIComponent(linkKey)}/form`, {});
    const ballot = form.ballot;
    showQuestionnaire(form, (answer) => post(`/links/${encodeURIComponent(linkKey)}/answers`, { ballot, ...answer }));
  } catch (err) {
    clear(root).append(el('h1', {}, 'Befragung'), problem(err));
  }
}

// ---- the questionnaire ----

/**
 * @param {PublicForm} form
 * @param {(answer: { ratings: Record<string, number>, importance: Record<string, number>, comments: Record<string, string> }) => Promise<unknown>} send
 */
function showQuestionnaire(form, send) {
  const q = form.questionnaire;
  const heading = el('h1', {}, q.title);
  const status = el('div', { 'aria-live': 'assertive' });
  const element = /** @type {HTMLFormElement} */ (
    el(
      'form',
      { class: 'answer-form', novalidate: true },
      el('p', { class: 'answer-office' }, `Regionalstelle ${form.officeName}`),
      q.example ? el('p', { class: 'hint example-note' }, `Hinweis: ${q.example.note}`) : null,
      el('p', { class: 'lead' }, q.intro),
      q.fields.map((f) =>
        el(
          'section',
          { class: 'answer-field', 'aria-labelledby': `f-${f.id}` },
          el('h2', { id: `f-${f.id}` }, f.title),
          f.description ? el('p', { class: 'hint' }, f.description) : null,
          f.items.map((item) => {
            if (item.kind === 'text') {
              const area = /** @type {HTMLTextAreaElement} */ (el('textarea', { id: `q-${item.id}`, name: `comment:${item.id}`, maxlength: item.maxLength, rows: 4, 'aria-describedby': `q-${item.id}-hint` }));
              const hint = el('p', { class: 'hint', id: `q-${item.id}-hint` }, `höchstens ${item.maxLength} Zeichen`);
              area.addEventListener('input', () => (hint.textContent = `${area.value.length} von höchstens ${item.maxLength} Zeichen`));
              return el('div', { class: 'field question', 'data-item': item.id }, el('label', { for: `q-${item.id}` }, item.text), area, hint);
            }
            const scale = q.scales[item.scale];
            const importance = item.importance && q.importanceScale ? q.scales[q.importanceScale] : null;
            return el(
              'div',
              { class: 'question', 'data-item': item.id },
              radioGroup(`rating:${item.id}`, `q-${item.id}`, item.text, scale.labels),
              importance && item.importance ? radioGroup(`importance:${item.id}`, `w-${item.id}`, item.importance.text, importance.labels, true) : null,
            );
          }),
        ),
      ),
      el('button', { type: 'submit', class: 'button-primary button-large' }, 'Antwort absenden'),
      status,
    )
  );
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    /** @type {{ ratings: Record<string, number>, importance: Record<string, number>, comments: Record<string, string> }} */
    const answer = { ratings: {}, importance: {}, comments: {} };
    for (const [name, value] of new FormData(element)) {
      const [kind, id] = name.split(':');
      if (kind === 'rating' && value !== '') answer.ratings[id] = Number(value);
      if (kind === 'importance' && value !== '') answer.importance[id] = Number(value);
      if (kind === 'comment' && typeof value === 'string' && value.trim()) answer.comments[id] = value;
    }
    const button = /** @type {HTMLButtonElement} */ (element.querySelector('button[type="submit"]'));
    button.disabled = true;
    try {
      const done = /** @type {{ message: string }} */ (await send(answer));
      thanks(done.message);
    } catch (err) {
      button.disabled = false;
      const box = problem(err);
      if (err instanceof PublicError && err.details.length) box.append(el('ul', {}, err.details.map((d) => el('li', {}, d.message))));
      clear(status).append(box);
      box.focus();
    }
  });
  clear(root).append(heading, element);
  focusHeading(heading);
}

/**
 * A question as a group of radio buttons, with "keine Angabe" as the choice that sends nothing.
 * @param {string} name
 * @param {string} id
 * @param {string} question
 * @param {string[]} labels
 * @param {boolean} [secondary]
 */
function radioGroup(name, id, question, labels, secondary = false) {
  return el(
    'fieldset',
    { class: secondary ? 'scale scale-importance' : 'scale', id },
    el('legend', {}, question),
    el(
      'div',
      { class: 'scale-options' },
      labels.map((label, k) => el('label', { class: 'scale-option' }, el('input', { type: 'radio', name, value: String(k + 1) }), el('span', { class: 'scale-value', 'aria-hidden': 'true' }, String(k + 1)), el('span', {}, label))),
      el('label', { class: 'scale-option scale-none' }, el('input', { type: 'radio', name, value: '' }), el('span', {}, 'keine Angabe')),
    ),
  );
}

function thanks(/** @type {string} */ message) {
  const heading = el('h1', {}, 'Vielen Dank!');
  clear(root).append(
    heading,
    el('p', { class: 'notice', role: 'status' }, message),
    mode === 'link' ? el('button', { type: 'button', class: 'button-primary button-large', onclick: () => openLink() }, 'Nächste Person: neue Befragung starten') : el('p', {}, 'Sie können dieses Fenster jetzt schließen.'),
  );
  focusHeading(heading);
}
