// @ts-check
import { api } from './api-client.js';
import { errorText, postJson } from './survey-api.js';
import { clear, el, showError } from './dom.js';
import { fieldChart } from './survey-charts.js';
import { codeSheet, codesCsvText, linkPoster, printAlone } from './survey-code-sheet.js';
import { badge, download, formatCount, formatGap, formatMean, formatPeriod } from './survey-format.js';

// /befragungen/:id: a round with its offices (links and QR posters, or codes), and once it has
// ended the results: per group (district or office) the fields ranked by gap, a chart and a
// table per field, the comparison with the previous round, free text, and the exports.

/** @typedef {import('./survey-types.js').Round} Round */
/** @typedef {import('./survey-types.js').RoundResults} RoundResults */
/** @typedef {import('./survey-types.js').GroupResult} GroupResult */
/** @typedef {import('./survey-types.js').FieldResult} FieldResult */
/** @typedef {import('./survey-types.js').ItemResult} ItemResult */
/** @typedef {import('./survey-types.js').Previous} Previous */
/** @typedef {import('./survey-types.js').SurveyVocabulary} SurveyVocabulary */

const root = /** @type {HTMLElement} */ (document.getElementById('survey-round'));
const roundId = root.dataset.roundId ?? '';
const isCoordination = root.dataset.role === 'coordination';
const base = `/api/v1/surveys/rounds/${encodeURIComponent(roundId)}`;

/** @type {SurveyVocabulary} */
let vocabulary;

init().catch((err) => showError(root, err));

async function init() {
  const [catalog, round] = await Promise.all([api('/api/v1/surveys/questionnaires'), api(base)]);
  vocabulary = catalog.vocabulary;
  clear(root).append(overview(round), el('div', { id: 'results' }));
  if (round.resultsAvailable) await showResults();
  else {
    /** @type {HTMLElement} */ (document.getElementById('results')).append(
      el('section', { class: 'card' }, el('h2', {}, 'Ergebnisse'), el('p', {}, `Ergebnisse gibt es nach dem Ende der Befragung (${formatPeriod(round.from, round.to)}), damit sich einzelne Antworten nicht aus dem Zuwachs erschließen lassen.`)),
    );
  }
}

function overview(/** @type {Round} */ round) {
  const rows = round.offices.map((o) =>
    el(
      'tr',
      { 'data-office': o.officeId },
      el('th', { scope: 'row' }, o.officeName),
      el('td', {}, o.answers !== null ? formatCount(o.answers) : `weniger als ${round.minimumGroupSize}`),
      round.answeredBy === 'code' ? el('td', {}, formatCount(o.codesIssued)) : el('td', {}, o.linkPath ? linkCell(round, o.officeId, o.officeName, o.linkPath) : '–'),
    ),
  );
  const card = el(
    'section',
    { class: 'card', 'aria-labelledby': 'round-heading' },
    el('h2', { id: 'round-heading' }, 'Befragung'),
    el(
      'dl',
      { class: 'kv' },
      el('dt', {}, 'Zielgruppe'),
      el('dd', {}, vocabulary.audiences[round.audience]),
      el('dt', {}, 'Zeitraum'),
      el('dd', {}, formatPeriod(round.from, round.to)),
      el('dt', {}, 'Status'),
      el('dd', {}, badge(vocabulary.roundStatuses[round.status], round.status)),
      el('dt', {}, 'Mindestgröße einer Gruppe'),
      el('dd', {}, `${round.minimumGroupSize} Antworten`),
      el('dt', {}, 'Fragebogen'),
      el('dd', {}, `${round.questionnaireId}, Version ${round.questionnaireVersion}`, round.example ? el('span', { class: 'example-mark' }, ' Beispiel – durch das eigene Instrument zu ersetzen') : null),
    ),
    el(
      'table',
      { class: 'data-table', id: 'office-table' },
      el('caption', { class: 'visually-hidden' }, 'Rücklauf je Regionalstelle'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Regionalstelle'), el('th', { scope: 'col' }, 'Antworten'), el('th', { scope: 'col' }, round.answeredBy === 'code' ? 'Ausgegebene Codes' : 'Öffentlicher Link'))),
      el('tbody', {}, rows),
    ),
  );
  if (isCoordination && (round.status === 'running' || round.status === 'planned')) card.append(coordinationTools(round));
  return card;
}

function linkCell(/** @type {Round} */ round, /** @type {string} */ officeId, /** @type {string} */ officeName, /** @type {string} */ linkPath) {
  const url = `${location.origin}${linkPath}`;
  const qrSrc = `${base}/offices/${encodeURIComponent(officeId)}/qr.svg`;
  return el(
    'div',
    { class: 'link-cell' },
    el('a', { href: linkPath }, url),
    el('button', { type: 'button', class: 'button-quiet', onclick: () => printAlone(linkPoster({ roundTitle: round.title, officeName, url, qrSrc })) }, `Aushang mit QR-Code drucken`, el('span', { class: 'visually-hidden' }, ` (${officeName})`)),
  );
}

function coordinationTools(/** @type {Round} */ round) {
  const tools = el('div', { class: 'toolbar round-tools' });
  if (round.answeredBy === 'code') {
    const office = /** @type {HTMLSelectElement} */ (el('select', { id: 'more-codes-office' }, round.offices.map((o) => el('option', { value: o.officeId }, o.officeName))));
    const count = /** @type {HTMLInputElement} */ (el('input', { type: 'number', id: 'more-codes-count', value: 5, min: 1, max: 1000 }));
    const out = el('div', { id: 'more-codes', 'aria-live': 'polite' });
    const issue = async () => {
      try {
        const issued = await postJson(`${base}/codes`, { officeId: office.value, count: Number(count.value) });
        const answerUrl = `${location.origin}/teilnahme`;
        const sheet = codeSheet({ roundTitle: round.title, officeName: issued.officeName, codes: issued.codes, answerUrl });
        clear(out).append(
          el('p', { class: 'notice' }, `${issued.codes.length} neue Codes für ${issued.officeName}; sie werden nur jetzt angezeigt.`),
          el('div', { class: 'toolbar' }, el('button', { type: 'button', class: 'button-primary', onclick: () => printAlone(sheet) }, 'Codebogen drucken'), el('button', { type: 'button', onclick: () => download(`codes-${issued.officeId}.csv`, codesCsvText(round.title, [issued], answerUrl), 'text/csv;charset=utf-8') }, 'Als CSV speichern')),
        );
      } catch (err) {
        clear(out).append(el('p', { class: 'error-box', role: 'alert' }, `✗ ${errorText(err)}`));
      }
    };
    tools.append(
      el('div', { class: 'field' }, el('label', { for: 'more-codes-office' }, 'Weitere Codes für'), office),
      el('div', { class: 'field' }, el('label', { for: 'more-codes-count' }, 'Anzahl'), count),
      el('button', { type: 'button', onclick: issue }, 'Codes erzeugen'),
      out,
    );
  }
  const close = el('button', {
    type: 'button',
    class: 'button-danger',
    onclick: async () => {
      if (!window.confirm('Die Befragung jetzt beenden? Danach werden keine Antworten mehr angenommen, und die Ergebnisse werden sichtbar.')) return;
      try {
        await postJson(`${base}/close`, {});
        location.reload();
      } catch (err) {
        showError(root, err);
      }
    },
  }, 'Befragung jetzt beenden');
  tools.append(close);
  return tools;
}

// ---- results ----

async function showResults() {
  /** @type {RoundResults} */
  const results = await api(`${base}/results`);
  const box = /** @type {HTMLElement} */ (document.getElementById('results'));
  const select = /** @type {HTMLSelectElement} */ (
    el('select', { id: 'group-select' }, results.groups.map((g) => el('option', { value: g.key }, g.shown ? g.label : `${g.label} (keine Ergebnisse)`)))
  );
  const groupBox = el('div', { id: 'group-results' });
  const first = results.groups.find((g) => g.shown) ?? results.groups[0];
  select.value = first?.key ?? '';
  select.addEventListener('change', () => renderGroup(results, groupBox, select.value));
  box.append(
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'results-heading' },
      el('h2', { id: 'results-heading' }, 'Ergebnisse'),
      results.previousRound ? el('p', {}, `Verglichen mit der Vorrunde „${results.previousRound.title}“ (${formatPeriod(results.previousRound.from, results.previousRound.to)}).`) : el('p', { class: 'muted' }, 'Es gibt keine frühere Runde dieses Fragebogens zum Vergleich.'),
      results.actions.available ? null : el('p', { class: 'hint', id: 'actions-unavailable' }, `Hinweis: ${results.actions.message} Die Themenfelder mit der größten Lücke stehen oben.`),
      el(
        'div',
        { class: 'toolbar' },
        el('div', { class: 'field' }, el('label', { for: 'group-select' }, 'Gruppe'), select),
        el('a', { class: 'button-link', href: `${base}/export?format=xlsx`, download: '' }, 'Export XLSX'),
        el('a', { class: 'button-link', href: `${base}/export?format=csv`, download: '' }, 'Export CSV'),
        el('a', { class: 'button-link', href: `/befragungen/${encodeURIComponent(roundId)}/massnahmenplan` }, 'Maßnahmenplan'),
      ),
    ),
    groupBox,
  );
  renderGroup(results, groupBox, select.value);
}

/**
 * @param {RoundResults} results
 * @param {HTMLElement} box
 * @param {string} key
 */
function renderGroup(results, box, key) {
  const group = results.groups.find((g) => g.key === key);
  clear(box);
  if (!group) return;
  if (!group.shown) {
    box.append(el('section', { class: 'card hidden-group', 'data-group': group.key }, el('h2', {}, group.label), el('p', {}, `Hinweis: ${vocabulary.hiddenReasons[group.hiddenReason ?? 'below_minimum']}`)));
    return;
  }
  const canAct = results.actions.available && (isCoordination || group.officeId !== null);
  const ranked = [...group.fields].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  box.append(
    el(
      'section',
      { class: 'card', 'data-group': group.key, 'aria-labelledby': 'ranking-heading' },
      el('h2', { id: 'ranking-heading' }, `${group.label}: Themenfelder nach Lücke`),
      el('p', {}, `${formatCount(group.answers)} Antworten`, group.previous ? ` (Vorrunde: ${formatCount(group.previous.answers)})` : ''),
      el(
        'table',
        { class: 'data-table ranking', id: 'ranking' },
        el('caption', { class: 'visually-hidden' }, 'Themenfelder nach Lücke zwischen Wichtigkeit und Bewertung, größte zuerst'),
        el('thead', {}, el('tr', {}, ['Rang', 'Themenfeld', 'Bewertung', 'Wichtigkeit', 'Lücke', 'Veränderung', canAct ? 'Maßnahme' : null].filter(Boolean).map((h) => el('th', { scope: 'col' }, /** @type {string} */ (h))))),
        el(
          'tbody',
          {},
          ranked.map((f) =>
            el(
              'tr',
              { 'data-field': f.fieldId },
              el('td', { class: 'num' }, f.rank === null ? '–' : String(f.rank)),
              el('th', { scope: 'row' }, el('a', { href: `#field-${f.fieldId}` }, f.title)),
              el('td', { class: 'num' }, formatMean(f.actualMean)),
              el('td', { class: 'num' }, formatMean(f.importanceMean)),
              el('td', { class: 'num gap' }, formatGap(f.gap)),
              el('td', {}, change(f.previous)),
              canAct ? el('td', {}, actionButton(group, f, null)) : null,
            ),
          ),
        ),
      ),
      el('div', { id: 'action-status', 'aria-live': 'polite' }),
    ),
  );
  for (const f of ranked) box.append(fieldSection(group, f, canAct));
  if (group.comments) {
    box.append(
      el(
        'section',
        { class: 'card', 'aria-labelledby': 'comments-heading' },
        el('h2', { id: 'comments-heading' }, 'Freitext'),
        group.comments.map((c) => el('div', {}, el('h3', {}, c.question), c.texts.length ? el('ul', { class: 'comments' }, c.texts.map((t) => el('li', {}, t))) : el('p', { class: 'muted' }, 'Keine Freitext-Antworten.'))),
      ),
    );
  }
}

function change(/** @type {Previous | null} */ previous) {
  if (!previous) return '–';
  return el('span', {}, badge(vocabulary.changes[previous.change], previous.change), ` (vorher ${formatMean(previous.actualMean)})`);
}

/**
 * @param {GroupResult} group
 * @param {FieldResult} f
 * @param {boolean} canAct
 */
function fieldSection(group, f, canAct) {
  return el(
    'section',
    { class: 'card field-result', id: `field-${f.fieldId}`, 'data-field': f.fieldId, 'aria-labelledby': `field-${f.fieldId}-heading` },
    el('h3', { id: `field-${f.fieldId}-heading` }, f.rank !== null ? `${f.rank}. ` : '', f.title, f.gap !== null ? ` – Lücke ${formatGap(f.gap)}` : ''),
    fieldChart(f, { groupLabel: group.label }),
    el(
      'table',
      { class: 'data-table item-table' },
      el('caption', { class: 'visually-hidden' }, `Fragen des Themenfelds ${f.title}`),
      el('thead', {}, el('tr', {}, ['Nr.', 'Frage', 'Antworten', 'Verteilung (Wert: Anzahl)', 'Bewertung', 'Wichtigkeit', 'Lücke', 'Veränderung', canAct ? 'Maßnahme' : null].filter(Boolean).map((h) => el('th', { scope: 'col' }, /** @type {string} */ (h))))),
      el(
        'tbody',
        {},
        f.items.map((i, k) =>
          el(
            'tr',
            { 'data-item': i.itemId },
            el('td', { class: 'num' }, String(k + 1)),
            el('th', { scope: 'row' }, i.text),
            el('td', { class: 'num' }, i.answers === null ? 'zu wenige' : formatCount(i.answers)),
            el('td', { class: 'distribution' }, i.distribution ? i.distribution.map((n, v) => `${v + 1}: ${n}`).join(' · ') : '–'),
            el('td', { class: 'num' }, formatMean(i.actualMean)),
            el('td', { class: 'num' }, formatMean(i.importanceMean)),
            el('td', { class: 'num gap' }, formatGap(i.gap)),
            el('td', {}, change(i.previous)),
            canAct ? el('td', {}, i.actualMean !== null ? actionButton(group, f, i) : '–') : null,
          ),
        ),
      ),
    ),
  );
}

/**
 * "Maßnahme anlegen" for a field or an item: only where the actions module is bound.
 * @param {GroupResult} group
 * @param {FieldResult} f
 * @param {ItemResult | null} item
 */
function actionButton(group, f, item) {
  const what = item ? item.text : f.title;
  return el(
    'button',
    {
      type: 'button',
      class: 'button-quiet action-button',
      onclick: async (/** @type {Event} */ event) => {
        const button = /** @type {HTMLButtonElement} */ (event.currentTarget);
        const status = /** @type {HTMLElement} */ (document.getElementById('action-status'));
        button.disabled = true;
        try {
          /** @type {Record<string, string>} */
          const body = { fieldId: f.fieldId };
          if (item) body.itemId = item.itemId;
          if (group.officeId) body.officeId = group.officeId;
          const action = await postJson(`${base}/actions`, body);
          clear(status).append(el('p', { class: 'notice', role: 'status' }, `✓ Maßnahme angelegt: ${action.title} `, action.href ? el('a', { href: action.href }, 'Zur Maßnahme') : null));
        } catch (err) {
          button.disabled = false;
          clear(status).append(el('p', { class: 'error-box', role: 'alert' }, `✗ ${errorText(err)}`));
        }
      },
    },
    'Maßnahme anlegen',
    el('span', { class: 'visually-hidden' }, ` (${what})`),
  );
}
