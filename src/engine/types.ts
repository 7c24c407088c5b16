import type { SurveyAudience } from './vocabulary';
import type { AppointmentMonthFacts, ContactCountsFacts, HandoverFacts } from './office-registers.types';

/**
 * Shared vocabulary of the rule engine. Everything here is plain data: the service layer gathers
 * facts (schedules, closures, hotline records, time shares) and the engine judges them against the
 * catalog of standards from Anlage 3 ("Kundenorientierte Qualitätsstandards").
 */

/** How binding a standard is, mirroring the wording of Anlage 3 ("ist zu gewährleisten" → must,
 * "soll" → should, "Ziel"/"angestrebt" → aim, "beobachtet" → observe). */
export type Obligation = 'must' | 'should' | 'aim' | 'observe';
export const OBLIGATIONS: readonly Obligation[] = ['must', 'should', 'aim', 'observe'];

/** Section 2 "Ausnahmeregelungen": the tandem offices consist of a seat and a smaller town. */
export type OfficeRole = 'standalone' | 'tandem-seat' | 'tandem-minor';
export const OFFICE_ROLES: readonly OfficeRole[] = ['standalone', 'tandem-seat', 'tandem-minor'];

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** Section 2 speaks of "Montags bis Freitags", section 4.2 of "Montag bis Freitag". */
export const WORKING_WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/**
 * `waived`: the standard was suspended for this office and period by a deviation agreed under section 6.
 * `observed`: an observation value (obligation `observe`) was measured; the text sets no target, so
 * there is no verdict: neither "erfüllt" nor "nicht erfüllt".
 */
export type FindingStatus = 'compliant' | 'non_compliant' | 'not_applicable' | 'insufficient_data' | 'waived' | 'observed';
export const FINDING_STATUSES: readonly FindingStatus[] = ['compliant', 'non_compliant', 'not_applicable', 'insufficient_data', 'waived', 'observed'];

/** Minutes after local midnight, 0..1440, from < to. */
export interface Interval {
  from: number;
  to: number;
}

/** Per weekday: sorted, non-overlapping intervals. */
export type WeekSchedule = Record<Weekday, Interval[]>;

/**
 * A rule parameter as the catalog states it. `label` (German, e.g. 'Mindestöffnungszeit je Woche')
 * and `unit` ('Std.', 'Tage', '%', 'Uhr') are what pages, forms and messages show instead of the
 * key; `interpretation` is a German note where the agreement leaves the value open.
 */
export interface ParamSpec {
  value: number | string | boolean;
  label: string;
  unit?: string;
  interpretation?: string;
}

export interface Citation {
  section: string;
  passage: string;
}

export type CheckKind =
  | 'weekly-hours'
  | 'weekday-window'
  | 'tandem-seat-access'
  | 'hotline-coverage'
  | 'staff-availability'
  | 'time-share'
  | 'one-to-one'
  | 'coverage-share'
  | 'district-core-hours'
  | 'team-delegates'
  | 'practice-meetings'
  | 'employer-contacts'
  | 'survey-coverage'

  | 'outside-opening-appointments'
  | 'appointment-share'
  | 'handover-rate';
export const CHECK_KINDS: readonly CheckKind[] = [
  'weekly-hours',
  'weekday-window',
  'tandem-seat-access',
  'hotline-coverage',
  'staff-availability',
  'time-share',
  'one-to-one',
  'coverage-share',
  'district-core-hours',
  'team-delegates',
  'practice-meetings',
  'employer-contacts',
  'survey-coverage',
  'outside-opening-appointments',
  'appointment-share',
  'handover-rate',
];

/**
 * The evidence a check kind reads: `schedule` the schedule in force (for a real week with its
 * closures and public holidays), `hotline` the telephone coverage records, `time-records` the monthly
 * working time of the placement officers, `appointments` the appointment slots (section 2),
 * `contact-counts` contacts by appointment and walk-in, `handovers` the caseload handovers (1.2),
 * `team-membership`, `practice-meetings`, `employer-assignments` the registers of 4.1/4.2, `surveys`
 * the answers to the survey rounds held in the service (counts per round, office and month only).
 * The schedule pre-check can answer only `schedule`.
 */
export type Need = 'schedule' | 'hotline' | 'time-records' | 'appointments' | 'contact-counts' | 'handovers' | 'team-membership' | 'practice-meetings' | 'employer-assignments' | 'surveys';
export const NEEDS: readonly Need[] = ['schedule', 'hotline', 'time-records', 'appointments', 'contact-counts', 'handovers', 'team-membership', 'practice-meetings', 'employer-assignments', 'surveys'];

/** How often a check kind is judged: per ISO week or per calendar month. */
export type Cadence = 'week' | 'month';

/** Whether a rule is judged per office or once over all offices of the district (Kreis). */
export type RuleScope = 'office' | 'district';

/** What a check kind declares about itself, served with each rule by GET /api/v1/standards. */
export interface CheckTraits {
  needs: readonly Need[];
  cadence: Cadence;
  scope: RuleScope;
}

export interface Rule {
  id: string;
  title: string;
  /** A few words for narrow places (matrix column headers); the full title is shown on hover/focus. */
  shortTitle: string;
  citation: Citation;
  obligation: Obligation;
  appliesTo: OfficeRole[];
  check: CheckKind;
  params: Record<string, ParamSpec>;
  /**
   * Whether a non-compliant finding of this rule opens a corrective action (Maßnahme). Default in the
   * catalog: true for must and should rules, false for aim and observe rules.
   */
  opensAction: boolean;
}

/**
 * A passage of Anlage 3 that binds but cannot be judged from records an office or the coordination
 * office keeps (e.g. 1.2 "Fördern und Fordern", 4.3, 5). Listed so the catalog shows the whole
 * agreement; never a rule, so the engine never judges it.
 */
export interface NotCheckedStandard {
  section: string;
  /** German heading, e.g. 'Fördern und Fordern'. */
  title: string;
  /** The verbatim passage of Anlage 3. */
  passage: string;
  /** German: why no record can show whether it is met. */
  reason: string;
}

export interface Catalog {
  version: string;
  /** YYYY-MM-DD: the first day whose periods this version judges. */
  validFrom: string;
  /** YYYY-MM-DD, inclusive; absent: until the next version takes over (or open end). */
  validUntil?: string;
  /** Weeks from opening a corrective action to its due date, per obligation of the rule. */
  actionDueWeeks: Record<Obligation, number>;
  rules: Rule[];
  /** Standards listed, not checked (see NotCheckedStandard); empty when the catalog lists none. */
  notChecked: NotCheckedStandard[];
}

/** A catalog version as GET /api/v1/standards lists it: validity, whether in force today, when first judged. */
export interface CatalogVersionView {
  version: string;
  validFrom: string;
  validUntil: string | null;
  inForce: boolean;
  /** ISO instant of the first judgement stored under this version (audit run, schedule verdict); null: none yet. */
  firstJudged: string | null;
}

// ---- Facts: plain data gathered by the service layer ----

export interface DayFacts {
  /** YYYY-MM-DD for real calendar weeks, absent for a regular schedule. */
  date?: string;
  weekday: Weekday;
  /** Actually open, closures already subtracted; empty on a public holiday (the office is closed). */
  opening: Interval[];
  /** Name of the NRW public holiday that day, e.g. 'Karfreitag'. */
  holiday?: string;
  /**
   * On a public holiday: the opening the schedule in force foresaw that day. The opening rules
   * credit it as if the office had been open (parameter `creditHolidays`), so a holiday week is
   * judged like the regular week of its schedule.
   */
  scheduled?: Interval[];
}

export interface OpeningWeekFacts {
  /** mon..sat (sun optional). */
  days: DayFacts[];
  /** E.g. schedule version ids, closure ids the figures rest on. */
  sources: string[];
}

export interface HotlineDayFacts {
  date: string;
  weekday: Weekday;
  excused?: string;
  /** Wall-clock minutes of that local day, may overlap. */
  covered: Array<Interval & { coveredBy: 'staff' | 'call_centre' }>;
}

export interface HotlineWeekFacts {
  /** mon..fri of an ISO week. */
  days: HotlineDayFacts[];
  recordCount: number;
  sources: string[];
}

/** One placement officer's month, anonymous: no pseudonym ever reaches the engine. */
export interface OfficerMonth {
  employerServiceMinutes: number;
  jobseekerServiceMinutes: number;
  workingMinutes: number;
}

export interface TimeShareFacts {
  /** YYYY-MM */
  month: string;
  /** Anonymous, one entry per placement officer. */
  officers: OfficerMonth[];
  recordCount: number;
}

/** The office judged; `name` (and the seat's name) are what messages say, never the id. */
export interface OfficeIdentity {
  id: string;
  name: string;
  role: OfficeRole;
  seatId?: string;
  seatName?: string;
}

export interface Facts {
  office: OfficeIdentity;
  openingWeek?: OpeningWeekFacts;
  seatOpeningWeek?: OpeningWeekFacts;
  hotlineWeek?: HotlineWeekFacts;
  timeShare?: TimeShareFacts;
  teamMembership?: TeamMembershipFacts;
  employerAssignments?: EmployerAssignmentFacts;
  appointmentMonth?: AppointmentMonthFacts;
  contactCounts?: ContactCountsFacts;
  handovers?: HandoverFacts;
}

/** One office as a district rule sees it. */
export interface DistrictOfficeFacts {
  id: string;
  name: string;
  role: OfficeRole;
  /**
   * The opening its schedules in force foresee on each day of the period (closures and public
   * holidays play no part: the district rule compares the offered hours). Undefined when on some
   * day of the period no schedule is in force.
   */
  plannedWeek?: OpeningWeekFacts;
  /**
   * Answers to the survey rounds held in the service, counted per round and calendar month, for the
   * months up to the judged month (a few years back; the rules choose their window). Counts only:
   * no answer and no code is ever linked to anyone.
   */
  surveyAnswers?: SurveyAnswerMonth[];
}

export interface SurveyAnswerMonth {
  audience: SurveyAudience;
  questionnaireId: string;
  roundId: string;
  roundTitle: string;
  /** 'YYYY-MM' */
  month: string;
  answers: number;
}

/** Facts for rules judged once over all offices of the district (scope 'district'). */
export interface DistrictFacts {
  offices: DistrictOfficeFacts[];
  /** The practice meetings register (section 4.1), only when a rule needs it. */
  practiceMeetings?: PracticeMeetingFacts;
}

// ---- Registers of section 4 (cooperation): plain dates, pseudonyms replaced by opaque keys ----

/** The two multiplier teams of section 4.1 ("Arbeitsvermittlung und … Fachberatung"); also the audiences of the practice meetings. */
export type Team = 'placement' | 'specialist_advice';
export const TEAMS: readonly Team[] = ['placement', 'specialist_advice'];

/** One office's delegate to one team for a span of days (inclusive; `until` null: open end). */
export interface TeamMembershipFact {
  team: Team;
  /** An opaque key of the person, the same for the same person within one office; never the pseudonym. */
  person: string;
  from: string;
  until: string | null;
}

export interface TeamMembershipFacts {
  /** Every membership of the office that began on or before the end of the judged month. */
  memberships: TeamMembershipFact[];
  /** The NRW public holidays of the judged month (date → name), for a rule that exempts them. */
  holidays?: Readonly<Record<string, string>>;
  sources: string[];
}

/** A practice meeting held (section 4.1), kept by the coordination office. */
export interface PracticeMeetingFact {
  date: string;
  audience: Team;
  /** Office ids. */
  invited: string[];
  attended: string[];
}

export interface PracticeMeetingFacts {
  /** Every meeting recorded on or before the end of the judged month. */
  meetings: PracticeMeetingFact[];
  sources: string[];
}

export type ContactRole = 'placement' | 'specialist_advice' | 'other';

/** Which contact looks after an employer for a span of days (section 4.2); inclusive, `until` null: open end. */
export interface EmployerAssignmentFact {
  /** The employer's reference (a pseudonym of a company, not a person). */
  employer: string;
  /** An opaque key of the contact person within the office; never the pseudonym. */
  contact: string;
  role: ContactRole;
  from: string;
  until: string | null;
}

export interface EmployerAssignmentFacts {
  /** Every assignment of the office that began on or before the end of the judged month. */
  assignments: EmployerAssignmentFact[];
  sources: string[];
}

export interface EvaluationContext {
  /** E.g. 'regular-week', '2026-W52', '2026-11'. */
  period?: string;
  /** Only evaluate these rules. */
  ruleIds?: string[];
  /** Deviations agreed under section 6 that are in effect for this office and period, at most one per rule. */
  deviations?: AppliedDeviation[];
}

export type DeviationKind = 'waiver' | 'parameters';

/**
 * Section 6 of Anlage 3: a regional office and the leadership may agree, by mutual consent only,
 * rules that deviate from the standards or go beyond them. The service layer hands the engine only
 * agreed deviations in effect; the engine never sees proposals.
 */
export interface AppliedDeviation {
  id: string;
  ruleId: string;
  /** `waiver`: the rule is suspended; `parameters`: the rule is judged with `params` instead. */
  kind: DeviationKind;
  params?: Record<string, ParamSpec['value']>;
  reason: string;
  /** YYYY-MM-DD, inclusive */
  validFrom: string;
  /** YYYY-MM-DD, inclusive; null: open end */
  validUntil: string | null;
}

export interface Finding {
  ruleId: string;
  title: string;
  status: FindingStatus;
  obligation: Obligation;
  measured: number | null;
  required: number | null;
  /** German: 'Std.', 'Tage', '%', 'Min.' */
  unit: string;
  /** German, says what to change. */
  message: string;
  citation: Citation;
  /** Per-day figures etc. */
  evidence: Record<string, unknown>;
  catalogVersion: string;
  period?: string;
  sources: string[];
  /** Only on findings judged under a deviation (section 6): which one, and what it changed. */
  deviation?: { id: string; kind: DeviationKind; params?: Record<string, ParamSpec['value']>; reason: string };
  /** Only beside `deviation`: the standard's own requirement, parameters and verdict, for comparison. */
  standard?: { required: number | null; params: Record<string, unknown>; status: FindingStatus };
}

export * from './office-registers.types';
