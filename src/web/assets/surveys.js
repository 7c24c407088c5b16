// @ts-check
import { api, ApiError } from './api-client.js';
import { postJson } from './survey-api.js';
import { append, clear, el, showError } from './dom.js';
import { codeSheet, codesCsvText, linkPoster, printAlone } from './survey-code-sheet.js';
import { badge, download, formatCount, formatPeriod } from './survey-format.js';

// /befragungen: the rounds, and for the coordination office the form that opens one. A staff
// round's codes are shown once, right after opening: print the sheet or save the CSV then.

/** @typedef {import('./survey-types.js').Round} Round */
/** @typedef {import('./survey-types.js').Questionnaire} Questionnaire */
/** @typedef {import('./survey-types.js').SurveyVocabulary} SurveyVocabulary */
/** @typedef {{ id: string, name: string, role: string }} Office */

const root = /** @type {HTMLElement} */ (document.getElementById('surveys'));
const isCoordination = root.dataset.role === 'coordination';
const today = root.dataset.today ?? new Date().toISOString().slice(0, 10);

/** @type {{ questionnaires: Questionnaire[], vocabulary: SurveyVocabulary | null, offices: Office[], roles: Record<string, string> }} */
const state = { questionnaires: [], vocabulary: null, offices: [], roles: {} };

init().catch((err) => showError(root, err));

async function init() {
  const [catalog, offices, standards] = await Promise.all([api('/api/v1/surveys/questionnaires'), api('/api/v1/offices'), api('/api/v1/standards')]);
  state.questionnaires = catalog.questionnaires;
  state.vocabulary = catalog.vocabulary;
  state.offices = offices;
  state.roles = standards.vocabulary.roles;
  append(clear(root), [
    el('div', { id: 'opened', 'aria-live': 'polite' }),
    isCoordination ? el('section', { class: 'card', 'aria-labelledby': 'open-heading' }, el('h2', { id: 'open-heading' }, 'Befragung eröffnen'), openForm()) : null,
    el('section', { class: 'card', 'aria-labelledby': 'rounds-heading' }, el('h2', { id: 'rounds-heading' }, 'Befragungsrunden'), el('div', { id: 'rounds' })),
  ]);
  await refresh();
}

async function refresh() {
  /** @type {Round[]} */
  const rounds = await api('/api/v1/surveys/rounds');
  const box = clear(/** @type {HTMLElement} */ (document.getElementById('rounds')));
  if (rounds.length === 0) {
    box.append(el('p', {}, 'Es gibt noch keine Befragungen.'));
    return;
  }
  const v = /** @type {SurveyVocabulary} */ (state.vocabulary);
  box.append(
    el(
      'table',
      { class: 'data-table survey-table', id: 'round-table' },
      el('caption', { class: 'visually-hidden' }, 'Befragungsrunden mit Zielgruppe, Zeitraum, Status und Rücklauf'),
      el('thead', {}, el('tr', {}, ['Befragung', 'Zielgruppe', 'Zeitraum', 'Status', 'Rücklauf'].map((h) => el('th', { scope: 'col' }, h)))),
      el(
        'tbody',
        {},
        rounds.map((r) =>
          el(
            'tr',
            { 'data-round': r.id },
            el('td', {}, el('a', { href: `/befragungen/${encodeURIComponent(r.id)}` }, r.title), r.example ? el('span', { class: 'example-mark' }, ' Beispiel') : null),
            el('td', {}, v.audiences[r.audience] ?? r.audience),
            el('td', {}, formatPeriod(r.from, r.to)),
            el('td', {}, badge(v.roundStatuses[r.status], r.status)),
            el('td', {}, participation(r)),
          ),
        ),
      ),
    ),
  );
}

/** Answers per office as far as they may be shown (none below the minimum group size). */
function participation(/** @type {Round} */ r) {
  const shown = r.offices.filter((o) => o.answers !== null);
  const total = shown.reduce((sum, o) => sum + (o.answers ?? 0), 0);
  const hidden = r.offices.length - shown.length;
  return `${formatCount(total)} Antworten in ${shown.length} Regionalstelle(n)${hidden ? `, ${hidden} mit weniger als ${r.minimumGroupSize}` : ''}`;
}

/**
 * @param {string} id
 * @param {string} label
 * @param {HTMLElement} input
 * @param {string} [hint]
 */
function field(id, label, input, hint) {
  input.setAttribute('id', id);
  input.setAttribute('aria-describedby', `${id}-error${hint ? ` ${id}-hint` : ''}`);
  return el('div', { class: 'field', 'data-field': id }, el('label', { for: id }, label), input, hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null, el('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

function plusDays(/** @type {string} */ iso, /** @type {number} */ days) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function openForm() {
  const v = /** @type {SurveyVocabulary} */ (state.vocabulary);
  const questionnaire = /** @type {HTMLSelectElement} */ (
    el('select', { name: 'questionnaireId' }, state.questionnaires.map((q) => el('option', { value: q.id }, `${q.title} (${v.audiences[q.audience]})${q.example ? ' – Beispiel' : ''}`)))
  );
  const title = /** @type {HTMLInputElement} */ (el('input', { type: 'text', name: 'title', maxlength: 200 }));
  const from = /** @type {HTMLInputElement} */ (el('input', { type: 'date', name: 'from', value: today }));
  const to = /** @type {HTMLInputElement} */ (el('input', { type: 'date', name: 'to', value: plusDays(today, 27) }));
  const minimum = /** @type {HTMLInputElement} */ (el('input', { type: 'number', name: 'minimumGroupSize', value: 5, min: 3, max: 100 }));
  const codes = /** @type {HTMLInputElement} */ (el('input', { type: 'number', name: 'codesPerOffice', value: 20, min: 1, max: 1000 }));
  const codesField = field('round-codes', 'Einmal-Codes je Regionalstelle', codes, 'So viele Codes, wie die Regionalstelle Beschäftigte hat; sie werden nur einmal angezeigt.');
  const example = el('p', { class: 'hint example-note', hidden: true });
  const offices = el(
    'fieldset',
    { id: 'round-offices', 'aria-describedby': 'round-offices-error' },
    el('legend', {}, 'Regionalstellen'),
    el('div', { class: 'office-choices' }, state.offices.map((o) => el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'offices', value: o.id, checked: true }), `${o.name}`, el('span', { class: 'muted' }, ` (${state.roles[o.role] ?? o.role})`)))),
    el('p', { class: 'field-error', id: 'round-offices-error', hidden: true }),
  );
  const onQuestionnaire = () => {
    const q = state.questionnaires.find((x) => x.id === questionnaire.value);
    codesField.hidden = q?.audience !== 'staff';
    example.hidden = !q?.example;
    example.textContent = q?.example ? `Hinweis: ${q.example.note}` : '';
  };
  questionnaire.addEventListener('change', onQuestionnaire);
  const status = el('p', { role: 'status' });
  const form = /** @type {HTMLFormElement} */ (
    el(
      'form',
      { class: 'propose-form', id: 'open-round-form', novalidate: true },
      el('div', { class: 'form-grid' }, field('round-questionnaire', 'Fragebogen', questionnaire), field('round-from', 'Erster Tag', from), field('round-to', 'Letzter Tag', to)),
      example,
      el('div', { class: 'form-grid' }, field('round-title', 'Titel (freiwillig)', title, 'Ohne Titel: Name des Fragebogens mit Zeitraum.'), field('round-minimum', 'Mindestgröße einer Gruppe', minimum, 'Ergebnisse nur für Gruppen mit mindestens so vielen Antworten.'), codesField),
      offices,
      el('div', { class: 'toolbar' }, el('button', { type: 'submit', class: 'button-primary' }, 'Befragung eröffnen')),
      status,
    )
  );
  onQuestionnaire();
  /** @type {Record<string, string>} */
  const fieldIds = { questionnaireId: 'round-questionnaire', title: 'round-title', from: 'round-from', to: 'round-to', minimumGroupSize: 'round-minimum', codesPerOffice: 'round-codes', offices: 'round-offices' };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const error of form.querySelectorAll('.field-error')) /** @type {HTMLElement} */ (error).hidden = true;
    for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
    const q = state.questionnaires.find((x) => x.id === questionnaire.value);
    const chosen = [...form.querySelectorAll('input[name="offices"]:checked')].map((i) => /** @type {HTMLInputElement} */ (i).value);
    /** @type {Record<string, unknown>} */
    const body = { questionnaireId: questionnaire.value, offices: chosen, from: from.value, to: to.value, minimumGroupSize: Number(minimum.value) };
    if (title.value.trim()) body.title = title.value.trim();
    if (q?.audience === 'staff') body.codesPerOffice = Number(codes.value);
    const button = /** @type {HTMLButtonElement} */ (form.querySelector('button[type="submit"]'));
    button.disabled = true;
    status.textContent = 'Die Befragung wird eröffnet …';
    try {
      const opened = await postJson('/api/v1/surveys/rounds', body);
      status.textContent = '';
      showOpened(opened.round, opened.codes);
      await refresh();
    } catch (err) {
      status.textContent = '';
      if (err instanceof ApiError && err.details.length) {
        /** @type {HTMLElement | null} */
        let first = null;
        for (const d of /** @type {Array<{ field: string, message: string }>} */ (err.details)) {
          const id = fieldIds[String(d.field).replace(/\[\d+\]$/, '')];
          const box = id ? document.getElementById(`${id}-error`) : null;
          if (!box) continue;
          box.hidden = false;
          box.textContent = `✗ ${d.message}`;
          const input = document.getElementById(id);
          input?.setAttribute('aria-invalid', 'true');
          first ??= input;
        }
        if (first) first.focus();
        else status.textContent = `✗ ${err.message}`;
      } else {
        status.textContent = `✗ ${err instanceof Error ? err.message : String(err)}`;
      }
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/**
 * @param {Round} round
 * @param {Record<string, string[]>} codes
 */
function showOpened(round, codes) {
  const box = clear(/** @type {HTMLElement} */ (document.getElementById('opened')));
  const answerUrl = `${location.origin}/teilnahme`;
  const heading = el('h2', { id: 'opened-heading', tabindex: '-1' }, `Eröffnet: ${round.title}`);
  const card = el('section', { class: 'card opened', 'aria-labelledby': 'opened-heading' }, heading);
  if (round.answeredBy === 'code') {
    const offices = round.offices.map((o) => ({ officeName: o.officeName, codes: codes[o.officeId] ?? [] }));
    card.append(
      el('p', { class: 'warning-box' }, '⚠ Die Codes werden nur jetzt angezeigt (gespeichert sind nur unkenntliche Prüfwerte). Bitte jetzt drucken oder als CSV speichern. Verteilen Sie die Codes so, dass niemand weiß, wer welchen Code bekommt.'),
      el(
        'div',
        { class: 'toolbar' },
        el('button', { type: 'button', class: 'button-primary', onclick: () => printAlone(el('div', {}, offices.map((o) => codeSheet({ roundTitle: round.title, officeName: o.officeName, codes: o.codes, answerUrl })))) }, 'Alle Codebögen drucken'),
        el('button', { type: 'button', onclick: () => download(`codes-${round.id.slice(0, 8)}.csv`, codesCsvText(round.title, offices, answerUrl), 'text/csv;charset=utf-8') }, 'Codes als CSV speichern'),
      ),
      el(
        'ul',
        { class: 'opened-offices' },
        offices.map((o) => el('li', {}, `${o.officeName}: ${o.codes.length} Codes `, el('button', { type: 'button', class: 'button-quiet', onclick: () => printAlone(codeSheet({ roundTitle: round.title, officeName: o.officeName, codes: o.codes, answerUrl })) }, `Codebogen ${o.officeName} drucken`))),
      ),
    );
  } else {
    card.append(
      el('p', {}, 'Jede Regionalstelle hat einen eigenen öffentlichen Link. Aushänge mit QR-Code stehen auf der Seite der Befragung.'),
      el('ul', {}, round.offices.map((o) => el('li', {}, `${o.officeName}: `, el('code', {}, `${location.origin}${o.linkPath}`)))),
    );
    for (const o of round.offices) {
      if (!o.linkPath) continue;
      const poster = linkPoster({ roundTitle: round.title, officeName: o.officeName, url: `${location.origin}${o.linkPath}`, qrSrc: `/api/v1/surveys/rounds/${encodeURIComponent(round.id)}/offices/${encodeURIComponent(o.officeId)}/qr.svg` });
      card.append(el('button', { type: 'button', class: 'button-quiet', onclick: () => printAlone(poster) }, `Aushang ${o.officeName} drucken`));
    }
  }
  card.append(el('p', {}, el('a', { href: `/befragungen/${encodeURIComponent(round.id)}` }, 'Zur Befragung')));
  box.append(card);
  heading.focus();
}
