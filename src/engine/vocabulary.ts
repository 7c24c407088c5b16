import { WEEKDAY_NAMES_DE } from './time';
import type { AppointmentArea, ContactRole, FindingStatus, Obligation, OfficeRole, Team, Weekday } from './types';

/**
 * The one German vocabulary of the service. Every page, export, CLI output and engine message
 * takes its words for statuses, obligations, office roles and periods from here (pages get it
 * through `GET /api/v1/standards`, field `vocabulary`), so the same code never reads differently
 * in two places. Rule titles, parameter labels and units live in the catalog (config/standards).
 */

export interface StatusWording {
  /** Shown in tables, badges, CSV and CLI. */
  text: string;
  /** A symbol shown beside the text, so status is never told by colour alone. */
  icon: string;
}

export const STATUS_LABELS: Readonly<Record<FindingStatus, StatusWording>> = {
  compliant: { text: 'erfüllt', icon: '✓' },
  non_compliant: { text: 'nicht erfüllt', icon: '✗' },
  insufficient_data: { text: 'Daten fehlen', icon: '?' },
  not_applicable: { text: 'entfällt', icon: '–' },
  waived: { text: 'ausgesetzt (Abweichung)', icon: '§' },
  observed: { text: 'beobachtet', icon: '○' },
};

export interface ObligationWording {
  /** 'Muss', 'Soll', 'Ziel', 'Beobachtung': badges, CLI, reports. */
  short: string;
  /** For the narrowest places (the matrix column headers), where 'Beobachtung' does not fit: 'Beob.'. */
  abbr: string;
  /** A sentence fragment for tooltips and reports. */
  text: string;
}

export const OBLIGATION_LABELS: Readonly<Record<Obligation, ObligationWording>> = {
  must: { short: 'Muss', abbr: 'Muss', text: 'Muss-Standard (ist zu gewährleisten)' },
  should: { short: 'Soll', abbr: 'Soll', text: 'Soll-Standard' },
  aim: { short: 'Ziel', abbr: 'Ziel', text: 'Zielwert (angestrebt)' },
  observe: { short: 'Beobachtung', abbr: 'Beob.', text: 'Beobachtungswert' },
};

/** Section 4.1: the two multiplier teams, also the audiences of the practice meetings. */
export const TEAM_LABELS: Readonly<Record<Team, string>> = {
  placement: 'Arbeitsvermittlung',
  specialist_advice: 'Fachberatung',
};

/** Section 4.2: the function of an employer's contact person. */
export const CONTACT_ROLE_LABELS: Readonly<Record<ContactRole, string>> = {
  placement: 'Arbeitsvermittlung',
  specialist_advice: 'Fachberatung',
  other: 'Sonstige',
};

export const ROLE_LABELS: Readonly<Record<OfficeRole, string>> = {
  standalone: 'eigenständige Regionalstelle',
  'tandem-seat': 'Sitz einer Tandemregionalstelle',
  'tandem-minor': 'kleinerer Standort einer Tandemregionalstelle',
};

/** A corrective action (Maßnahme) after a violation: open → planned → done → verified, or dismissed. */
export type ActionStatus = 'open' | 'planned' | 'done' | 'verified' | 'dismissed';
export const ACTION_STATUSES: readonly ActionStatus[] = ['open', 'planned', 'done', 'verified', 'dismissed'];

export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, StatusWording>> = {
  open: { text: 'offen', icon: '○' },
  planned: { text: 'geplant', icon: '◐' },
  done: { text: 'erledigt gemeldet', icon: '●' },
  verified: { text: 'bestätigt', icon: '✓' },
  dismissed: { text: 'verworfen', icon: '–' },
};

/** Where a corrective action comes from: an audit run's finding, or a gap in a survey round's results. */
export type ActionSource = 'audit' | 'survey';
export const ACTION_SOURCE_LABELS: Readonly<Record<ActionSource, string>> = {
  audit: 'Prüflauf',
  survey: 'Befragung',
};

/** Shown beside an action whose due date has passed while it is open or planned. */
export const OVERDUE_LABEL: StatusWording = { text: 'überfällig', icon: '⚠' };

/** The two sides of section 6 and of every corrective action: who acts, who is notified. */
export type Side = 'coordination' | 'regional';

/** Who answers a survey; the surveys module and the survey rules of the catalog share these words. */
export type SurveyAudience = 'staff' | 'customers' | 'employers';
export const AUDIENCE_LABELS: Readonly<Record<SurveyAudience, string>> = {
  staff: 'Mitarbeiterinnen und Mitarbeiter',
  customers: 'Kundinnen und Kunden',
  employers: 'Arbeitgeberinnen und Arbeitgeber',
};
export const SIDE_LABELS: Readonly<Record<Side, string>> = {
  coordination: 'Koordinierungsstelle',
  regional: 'Regionalstelle',
};

/** Where a deviation (section 6) stands; shown with text and icon like a finding's status. */
export const DEVIATION_STATUS_LABELS: Readonly<Record<'proposed' | 'agreed' | 'rejected' | 'withdrawn', StatusWording>> = {
  proposed: { text: 'vorgeschlagen', icon: '…' },
  agreed: { text: 'vereinbart', icon: '✓' },
  rejected: { text: 'abgelehnt', icon: '✗' },
  withdrawn: { text: 'zurückgezogen', icon: '–' },
};

/** Two-letter weekday abbreviations for narrow places (chart axes, compact lists). */
/** Section 2: the areas that work by appointment ("Leistungsgewährung, Arbeitsvermittlung und Fachberatung"). */
export const APPOINTMENT_AREA_LABELS: Readonly<Record<AppointmentArea, string>> = {
  benefits: 'Leistung',
  placement: 'Arbeitsvermittlung',
  specialist_advice: 'Fachberatung',
};

export const WEEKDAY_SHORT_DE: Readonly<Record<Weekday, string>> = { mon: 'Mo', tue: 'Di', wed: 'Mi', thu: 'Do', fri: 'Fr', sat: 'Sa', sun: 'So' };

const MONTH_NAMES = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
] as const;

/**
 * A period id as people read it: '2026-W41' → 'KW 41/2026', '2026-10' → 'Oktober 2026',
 * '2026-H1' → '1. Halbjahr 2026', '2026-Q3' → '3. Quartal 2026', '2026' → '2026',
 * 'regular-week' → 'regelmäßige Woche'. Anything else is returned unchanged.
 */
export function periodLabel(period: string): string {
  if (period === 'regular-week') return 'regelmäßige Woche';
  let m = /^(\d{4})-W(\d{2})$/.exec(period);
  if (m) return `KW ${Number(m[2])}/${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})-H([12])$/.exec(period);
  if (m) return `${m[2]}. Halbjahr ${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return `${m[2]}. Quartal ${m[1]}`;
  return period;
}

/**
 * The headings of Anlage 3 by section number, as the agreement names them: the Katalog page groups
 * rules and the standards listed, not checked, under these.
 */
export const SECTION_TITLES: Readonly<Record<string, string>> = {
  '1': 'Kunden- und Dienstleistungsorientierung',
  '1.1': 'Dienstleistungsorientierung',
  '1.2': 'Kompetentes Personal',
  '2': 'Öffnungszeiten',
  '3': 'Zufriedenheit der Mitarbeiterinnen und Mitarbeiter',
  '4': 'Fachliche Qualität',
  '4.1': 'Multiplikatorenteams',
  '4.2': 'Arbeitsvermittlung',
  '4.3': 'Fachberatung',
  '5': 'Corporate Identity und Unternehmenskultur',
  '6': 'Weiterentwicklung der kundenorientierten Qualitätsstandards',
};

/** Everything above as one plain object, served to the pages. */
export function vocabulary(): Vocabulary {
  return {
    statuses: STATUS_LABELS,
    obligations: OBLIGATION_LABELS,
    roles: ROLE_LABELS,
    sides: SIDE_LABELS,
    deviationStatuses: DEVIATION_STATUS_LABELS,
    weekdays: WEEKDAY_NAMES_DE,
    weekdaysShort: WEEKDAY_SHORT_DE,
    months: MONTH_NAMES,
    actionStatuses: ACTION_STATUS_LABELS,
    actionSources: ACTION_SOURCE_LABELS,
    overdue: OVERDUE_LABEL,
    sections: SECTION_TITLES,
  };
}

/** The served vocabulary (GET /api/v1/standards → vocabulary); the pages type it from here. */
export interface Vocabulary {
  statuses: Readonly<Record<FindingStatus, StatusWording>>;
  obligations: Readonly<Record<Obligation, ObligationWording>>;
  roles: Readonly<Record<OfficeRole, string>>;
  sides: Readonly<Record<'coordination' | 'regional', string>>;
  deviationStatuses: Readonly<Record<'proposed' | 'agreed' | 'rejected' | 'withdrawn', StatusWording>>;
  weekdays: Readonly<Record<Weekday, string>>;
  weekdaysShort: Readonly<Record<Weekday, string>>;
  months: readonly string[];
  actionStatuses: Readonly<Record<ActionStatus, StatusWording>>;
  actionSources: Readonly<Record<ActionSource, string>>;
  overdue: StatusWording;
  sections: Readonly<Record<string, string>>;
}
