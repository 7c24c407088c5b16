import type { NewNotification } from './notification.view';

/** Section 6: a proposal waits for the other side's consent; that side hears of it in its inbox. */
export function deviationAwaitingConsent(d: { id: string; office_id: string; proposed_side: 'coordination' | 'regional'; valid_from: string; reason: string }, officeName: string, ruleTitle: string): NewNotification {
  const waiting = d.proposed_side === 'coordination' ? 'regional' : 'coordination';
  const from = d.proposed_side === 'coordination' ? 'Die Koordinierungsstelle' : `Die Regionalstelle ${officeName}`;
  return {
    side: waiting,
    officeId: d.office_id,
    kind: 'deviation_awaiting_consent',
    title: `Abweichung wartet auf Ihre Zustimmung: ${officeName} · ${ruleTitle}`,
    body: `${from} schlägt ab ${d.valid_from.split('-').reverse().join('.')} eine Abweichung nach Abschnitt 6 vor: ${d.reason}`,
    link: '/abweichungen',
    deviationId: d.id,
    dedupeKey: `deviation_awaiting:${d.id}`,
  };
}
