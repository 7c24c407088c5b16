// @ts-check
import { api } from './api-client.js';
import { append, clear, el, showError } from './dom.js';
import { badge, formatCount, formatDay, formatGap, formatMean } from './survey-format.js';

// /befragungen/:id/massnahmenplan: per field (largest gap first) the corrective actions that came
// from this round, as the actions module lists them, and what the next round of the same
// questionnaire says about each action's question.

/** @typedef {import('./survey-types.js').ActionPlan} ActionPlan */
/** @typedef {import('./survey-types.js').PlannedAction} PlannedAction */
/** @typedef {import('./survey-types.js').SurveyVocabulary} SurveyVocabulary */

const root = /** @type {HTMLElement} */ (document.getElementById('action-plan'));
const roundId = root.dataset.roundId ?? '';

init().catch((err) => showError(root, err));

async function init() {
  const [catalog, plan] = await Promise.all([api('/api/v1/surveys/questionnaires'), api(`/api/v1/surveys/rounds/${encodeURIComponent(roundId)}/action-plan`)]);
  /** @type {SurveyVocabulary} */
  const vocabulary = catalog.vocabulary;
  /** @type {ActionPlan} */
  const p = plan;
  append(clear(root), [
    p.available ? null : el('p', { class: 'hint', id: 'actions-unavailable' }, `Hinweis: ${p.message} Sobald Maßnahmen angelegt werden können, erscheinen sie hier je Themenfeld.`),
    p.nextRound ? el('p', {}, `Folgerunde: „${p.nextRound.title}“. Bei jeder Maßnahme steht, ob sich ihre Frage dort verbessert hat.`) : el('p', { class: 'muted' }, 'Eine Folgerunde desselben Fragebogens gibt es noch nicht.'),
    p.fields.map((f) => {
      const withFollowUp = p.nextRound !== null || f.actions.some((a) => a.followUp !== null);
      return el(
        'section',
        { class: 'card plan-field', 'data-field': f.fieldId, 'aria-labelledby': `plan-${f.fieldId}` },
        el('h2', { id: `plan-${f.fieldId}` }, f.rank !== null ? `${f.rank}. ` : '', f.title),
        el('p', {}, `Bewertung ${formatMean(f.actualMean)}, Lücke ${formatGap(f.gap)}`),
        f.actions.length === 0
          ? el('p', { class: 'muted' }, 'Keine Maßnahmen.')
          : el(
              'table',
              { class: 'data-table plan-actions' },
              el('caption', { class: 'visually-hidden' }, `Maßnahmen zum Themenfeld ${f.title}`),
              el('thead', {}, el('tr', {}, ['Maßnahme', 'Status', 'Verantwortlich', 'Frist', withFollowUp ? 'Folgerunde' : null].filter(Boolean).map((h) => el('th', { scope: 'col' }, /** @type {string} */ (h))))),
              el('tbody', {}, f.actions.map((a) => actionRow(a, vocabulary, withFollowUp))),
            ),
      );
    }),
  ]);
}

function actionRow(/** @type {PlannedAction} */ a, /** @type {SurveyVocabulary} */ vocabulary, /** @type {boolean} */ withFollowUp) {
  const follow = a.followUp;
  return el(
    'tr',
    { 'data-action': a.actionId, 'data-status': a.status, class: 'plan-action' },
    el(
      'th',
      { scope: 'row' },
      a.href ? el('a', { href: a.href }, a.title) : a.title,
      a.measure ? el('p', {}, el('strong', {}, 'Maßnahme: '), a.measure) : el('p', { class: 'muted' }, 'Noch keine Maßnahme beschrieben.'),
    ),
    el('td', { class: 'plan-status' }, a.statusText, a.overdue ? ' (überfällig)' : ''),
    el('td', { class: 'plan-responsible' }, a.responsibleSideText),
    el('td', { class: 'plan-due' }, a.dueDate ? formatDay(a.dueDate) : '–'),
    withFollowUp
      ? el(
          'td',
          { class: 'plan-follow-up' },
          !follow ? '–' : [
            `„${follow.roundTitle}“: `,
            follow.change ? badge(vocabulary.changes[follow.change], follow.change) : 'nicht vergleichbar (zu wenige Antworten)',
            follow.change
              ? ` (Bewertung ${formatMean(follow.before.actualMean)} bei ${formatCount(follow.before.answers)} Antworten → ${formatMean(follow.after.actualMean)} bei ${formatCount(follow.after.answers)} Antworten)`
              : '',
          ],
        )
      : null,
  );
}
