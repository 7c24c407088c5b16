import { ACTION_STATUS_LABELS, type ActionStatus, type Side } from '../engine';

/** What a person can ask of an action; `verify` exists only to say why it cannot be done by hand. */
export type ActionCommand = 'plan' | 'done' | 'comment' | 'dismiss' | 'reopen' | 'verify';

interface ActionState {
  status: ActionStatus;
  responsibleSide: Side;
}

/** Where each command leads; comment keeps the status. */
export function targetStatus(command: Exclude<ActionCommand, 'verify'>, current: ActionStatus): ActionStatus {
  switch (command) {
    case 'plan':
      return 'planned';
    case 'done':
      return 'done';
    case 'comment':
      return current;
    case 'dismiss':
      return 'dismissed';
    case 'reopen':
      return 'open';
  }
}

const word = (status: ActionStatus) => `„${ACTION_STATUS_LABELS[status].text}“`;
const responsibleName = (side: Side) => (side === 'regional' ? 'die verantwortliche Regionalstelle' : 'die Koordinierungsstelle (verantwortlich für Regeln des ganzen Bezirks)');

/**
 * Why a side may not do this to an action in this state (German), or undefined when it may. The
 * cycle of the issue: the responsible side (the regional office; the coordination office for
 * district rules) plans a measure and reports it done; the coordination office comments, dismisses
 * with a reason (e.g. a deviation under section 6 is being agreed) or reopens; only the evidence of
 * an audit verifies. `forbidden` (403): this side may never do it (nobody verifies by hand);
 * `conflict` (409): not in this state. Access to the office is checked before (403).
 */
export interface CommandProblem {
  kind: 'forbidden' | 'conflict';
  message: string;
}

const forbidden = (message: string): CommandProblem => ({ kind: 'forbidden', message });
const conflict = (message: string): CommandProblem => ({ kind: 'conflict', message });

export function commandProblem(command: ActionCommand, action: ActionState, side: Side): CommandProblem | undefined {
  const { status, responsibleSide } = action;
  switch (command) {
    case 'verify':
      return forbidden('Eine Maßnahme lässt sich nicht von Hand bestätigen: Bestätigt wird sie nur durch den Nachweis, dass der erste vollständige Zeitraum nach ihrer Erledigung als „erfüllt“ beurteilt wurde.');
    case 'plan':
      if (side !== responsibleSide) return forbidden(`Eine Maßnahme plant ${responsibleName(responsibleSide)}; die Koordinierungsstelle kann sie kommentieren, verwerfen oder wieder öffnen.`);
      if (status !== 'open' && status !== 'planned') return conflict(`Die Maßnahme ist bereits ${word(status)}; planen lässt sich nur eine offene oder geplante Maßnahme.`);
      return undefined;
    case 'done':
      if (side !== responsibleSide) return forbidden(`Als erledigt meldet eine Maßnahme ${responsibleName(responsibleSide)}, nicht die Koordinierungsstelle.`);
      if (status === 'open') return conflict('Bitte die Maßnahme zuerst beschreiben (planen) und dann als erledigt melden.');
      if (status !== 'planned') return conflict(`Die Maßnahme ist bereits ${word(status)}; als erledigt melden lässt sich nur eine geplante Maßnahme.`);
      return undefined;
    case 'comment':
      return undefined;
    case 'dismiss':
      if (side !== 'coordination') return forbidden('Verwerfen kann eine Maßnahme nur die Koordinierungsstelle, mit Begründung.');
      if (status === 'verified' || status === 'dismissed') return conflict(`Die Maßnahme ist bereits ${word(status)}; verwerfen lässt sich nur eine offene, geplante oder erledigt gemeldete Maßnahme.`);
      return undefined;
    case 'reopen':
      if (side !== 'coordination') return forbidden('Wieder öffnen kann eine Maßnahme nur die Koordinierungsstelle.');
      if (status === 'open' || status === 'planned') return conflict(`Die Maßnahme ist noch ${word(status)}; wieder öffnen lässt sich nur eine erledigt gemeldete, bestätigte oder verworfene Maßnahme.`);
      return undefined;
  }
}
