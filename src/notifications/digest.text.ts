import type { NotificationRow } from './notification.view';

/** The inbox a digest is for, as a German phrase. */
export interface DigestAddressee {
  /** 'die Koordinierungsstelle' or 'die Regionalstelle Witten' */
  name: string;
  /** The inbox page. */
  inboxLink: string;
}

const de = (iso: string) => iso.split('-').reverse().join('.');

/**
 * One German e-mail per inbox and night: every notification since the last digest, each with its
 * link, instead of one mail per finding.
 */
export function digestMail(night: string, to: DigestAddressee, items: Pick<NotificationRow, 'title' | 'body' | 'link'>[], publicUrl: string): { subject: string; body: string } {
  const count = items.length === 1 ? '1 neue Mitteilung' : `${items.length} neue Mitteilungen`;
  const lines = [
    'Guten Tag,',
    '',
    `für ${to.name} gibt es ${count} aus der Prüfung der Kundenorientierten Qualitätsstandards (Anlage 3):`,
    '',
    ...items.flatMap((n, i) => [`${i + 1}. ${n.title}`, `   ${n.body}`, ...(n.link ? [`   ${publicUrl}${n.link}`] : []), '']),
    `Alle Mitteilungen: ${publicUrl}${to.inboxLink}`,
    '',
    '-- ',
    'Diese Zusammenfassung verschickt der Dienst „Qualitätsstandards“ der JobAgentur EN einmal je Nacht.',
    'Empfänger ändern: config/offices.json („recipients“) oder /api/v1/notifications/recipients.',
  ];
  return { subject: `Qualitätsstandards: ${count} für ${to.name} (${de(night)})`, body: lines.join('\n') };
}
