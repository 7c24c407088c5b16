import { ACTION_SOURCE_LABELS } from '../engine';
import { AUDIENCE_LABELS } from '../engine/vocabulary';
import type { Change } from './survey-comparison';
import type { HiddenReason } from './survey-results';

/**
 * The German words of the surveys, in one place (the audiences are shared with the survey rules
 * and live in src/engine/vocabulary.ts): the pages get them from
 * GET /api/v1/surveys/questionnaires (`vocabulary`), the CSV and XLSX exports import them. Words
 * the service already has (statuses of findings, roles, months) come from src/engine/vocabulary.ts.
 */
export type RoundStatus = 'planned' | 'running' | 'ended' | 'closed';


export const ROUND_STATUS_LABELS: Readonly<Record<RoundStatus, { text: string; icon: string }>> = {
  planned: { text: 'geplant', icon: '…' },
  running: { text: 'läuft', icon: '▶' },
  ended: { text: 'beendet', icon: '■' },
  closed: { text: 'vorzeitig beendet', icon: '■' },
};

export const CHANGE_LABELS: Readonly<Record<Change, { text: string; icon: string }>> = {
  better: { text: 'besser', icon: '▲' },
  worse: { text: 'schlechter', icon: '▼' },
  same: { text: 'unverändert', icon: '=' },
};

export const HIDDEN_REASON_LABELS: Readonly<Record<HiddenReason, string>> = {
  below_minimum: 'Zu wenige Antworten: Ergebnisse werden erst ab der Mindestgröße der Gruppe gezeigt.',
  protects_smaller_group: 'Ausgeblendet, damit sich die Ergebnisse einer kleineren Gruppe nicht aus den übrigen Zahlen errechnen lassen.',
  protects_other_offices: 'Ausgeblendet, weil die übrigen Regionalstellen zusammen zu wenige Antworten haben.',
};

export const FIGURE_LABELS = {
  answers: 'Antworten',
  actualMean: 'Bewertung (Mittelwert)',
  importanceMean: 'Wichtigkeit (Mittelwert)',
  gap: 'Lücke (Wichtigkeit − Bewertung)',
  rank: 'Rang nach Lücke',
  previous: 'Vorrunde',
  change: 'Veränderung',
  district: 'Kreis (alle Regionalstellen der Befragung)',
  /** The source of a corrective action that comes from a survey (the audits' source is "Prüflauf"). */
  actionSource: ACTION_SOURCE_LABELS.survey,
} as const;

export function surveyVocabulary() {
  return { audiences: AUDIENCE_LABELS, roundStatuses: ROUND_STATUS_LABELS, changes: CHANGE_LABELS, hiddenReasons: HIDDEN_REASON_LABELS, figures: FIGURE_LABELS };
}

export { AUDIENCE_LABELS };
