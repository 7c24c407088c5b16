import { holidayNameNrw, LocalCalendar, monthDates } from '../calendar';
import type { AppliedDeviation, DistrictOfficeFacts, Facts, Need, OfficeIdentity, OfficeRole, PracticeMeetingFacts, WeekSchedule } from '../engine';
import { pickApplied } from '../deviations/deviation-selection';
import type { JudgementPeriod } from './judgement-period';
import type { AppointmentSlotFact, CaseloadHandoverFact, ClosureFact, ContactCountFact, EmployerAssignmentRow, HotlineFact, OfficerMonthFact, PracticeMeetingRow, ScheduleVersionFact, SurveyAnswerMonthFact, TeamMembershipRow } from './judging-facts.repository';
import { appointmentMonth, contactCountsMonth, handoverMonth } from './office-register.facts';
import { hotlineWeek, plannedWeek, realOpeningWeek, type DayInput } from './real-week.facts';
import { pickInForce } from './schedule-in-force';
import { weekFromStored } from './stored-week';

/** What the bundle reads of an office: identity for the engine, names for messages. */
export interface OfficeRef {
  id: string;
  name: string;
  role: OfficeRole;
  seatId: string | null;
}

export interface LoadedEvidence {
  versions: ScheduleVersionFact[];
  closures: ClosureFact[];
  hotline: HotlineFact[];
  officerMonths: OfficerMonthFact[];
  /** Survey answers per round, office and month, for the survey rules (district, per month). */
  surveyAnswers?: SurveyAnswerMonthFact[];
  /** The office registers of issue 15; absent when no judged rule needs them. */
  appointmentSlots?: AppointmentSlotFact[];
  contactCounts?: ContactCountFact[];
  caseloadHandovers?: CaseloadHandoverFact[];
  /** Agreed deviations (section 6) per office touching the loaded range. */
  deviations: Map<string, AppliedDeviation[]>;
  /** Registers of sections 4.1 and 4.2 (absent when no judged rule needs them). */
  teamMemberships?: TeamMembershipRow[];
  practiceMeetings?: PracticeMeetingRow[];
  employerAssignments?: EmployerAssignmentRow[];
}

export function groupBy<T extends { office_id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.office_id);
    if (list) list.push(r);
    else out.set(r.office_id, [r]);
  }
  return out;
}

export function holidayOn(date: string): string | undefined {
  return holidayNameNrw(date);
}

/**
 * The evidence of some offices over a range, loaded once, from which the facts of each office and
 * period are cut. Pure: no I/O after loading. What depends only on a date or week (weekday,
 * holiday, local day bounds, ISO week dates) comes from the calendar, computed once per audited
 * range; each schedule version's week is parsed once per bundle. Only the evidence the judged
 * rules need is asked for (`needs`); the rest stays unread and absent from the facts.
 */
export class EvidenceBundle {
  private readonly versions: Map<string, ScheduleVersionFact[]>;
  private readonly closures: Map<string, ClosureFact[]>;
  private readonly hotline: Map<string, HotlineFact[]>;
  private officerMonths: ReadonlyMap<string, OfficerMonthFact[]>;
  private readonly surveyAnswers: Map<string, SurveyAnswerMonthFact[]> | undefined;
  private readonly deviations: Map<string, AppliedDeviation[]>;
  private readonly teamMemberships: Map<string, TeamMembershipRow[]>;
  private readonly monthHolidays = new Map<string, Readonly<Record<string, string>>>();
  private readonly employerAssignments: Map<string, EmployerAssignmentRow[]>;
  private readonly meetings: PracticeMeetingRow[];
  private readonly appointmentSlots: Map<string, AppointmentSlotFact[]>;
  private readonly contactCounts: Map<string, ContactCountFact[]>;
  private readonly caseloadHandovers: Map<string, CaseloadHandoverFact[]>;
  private readonly weeks = new Map<string, WeekSchedule>();
  private readonly dayOf: LocalCalendar['day'];

  /** `calendar`: pass one per audit so that its days are shared by all chunks of offices. */
  constructor(
    loaded: LoadedEvidence,
    private readonly calendar: LocalCalendar,
    private readonly names: ReadonlyMap<string, string> = new Map(),
  ) {
    this.dayOf = (date) => calendar.day(date);
    this.versions = groupBy(loaded.versions);
    this.closures = groupBy(loaded.closures);
    this.hotline = groupBy(loaded.hotline);
    this.officerMonths = groupBy(loaded.officerMonths);
    this.surveyAnswers = loaded.surveyAnswers ? groupBy(loaded.surveyAnswers) : undefined;
    this.deviations = loaded.deviations;
    this.teamMemberships = groupBy(loaded.teamMemberships ?? []);
    this.employerAssignments = groupBy(loaded.employerAssignments ?? []);
    this.meetings = loaded.practiceMeetings ?? [];
    this.appointmentSlots = groupBy(loaded.appointmentSlots ?? []);
    this.contactCounts = groupBy(loaded.contactCounts ?? []);
    this.caseloadHandovers = groupBy(loaded.caseloadHandovers ?? []);
  }

  /**
   * Officer months read for many offices at once, outside this bundle (judging.service.ts: one
   * statement for every office on a server), in place of the bundle's own.
   */
  useOfficerMonths(byOffice: ReadonlyMap<string, OfficerMonthFact[]>): void {
    this.officerMonths = byOffice;
  }

  /** The agreed deviations that govern this office in this period (at most one per rule). */
  deviationsFor(officeId: string, period: JudgementPeriod): AppliedDeviation[] {
    return pickApplied(this.deviations.get(officeId) ?? [], period.from, period.to);
  }

  /** The facts of one office and period, for the rules that need `needs`. */
  facts(office: OfficeRef, period: JudgementPeriod, needs: ReadonlySet<Need>): Facts {
    const facts: Facts = { office: this.identity(office) };
    if (period.kind === 'month') {
      if (needs.has('time-records')) {
        const officers = (this.officerMonths.get(office.id) ?? []).filter((m) => m.month === period.id);
        facts.timeShare = {
          month: period.id,
          officers: officers.map((o) => ({ employerServiceMinutes: o.employerServiceMinutes, jobseekerServiceMinutes: o.jobseekerServiceMinutes, workingMinutes: o.workingMinutes })),
          recordCount: officers.reduce((n, o) => n + o.records, 0),
        };
      }
      // The registers: every entry that began by the end of the month; the checks pick their look-back.
      if (needs.has('team-membership')) {
        const rows = (this.teamMemberships.get(office.id) ?? []).filter((r) => r.from <= period.to);
        facts.teamMembership = {
          memberships: rows.map((r) => ({ team: r.team, person: r.person, from: r.from, until: r.until })),
          holidays: this.holidaysOf(period),
          sources: rows.map((r) => `team-membership:${r.id}`),
        };
      }
      if (needs.has('employer-assignments')) {
        const rows = (this.employerAssignments.get(office.id) ?? []).filter((r) => r.from <= period.to);
        facts.employerAssignments = {
          assignments: rows.map((r) => ({ employer: r.employer, contact: r.contact, role: r.role, from: r.from, until: r.until })),
          // One source per register, not per row: an office may look after thousands of employers.
          sources: rows.length > 0 ? [`employer-assignments:${office.id}`] : [],
        };
      }
      this.officeRegisterFacts(facts, office.id, period, needs);
      return facts;
    }
    const dates = this.calendar.weekDates(period.id);
    if (needs.has('schedule')) {
      facts.openingWeek = realOpeningWeek(this.days(office.id, dates));
      if (office.role === 'tandem-minor' && office.seatId) facts.seatOpeningWeek = realOpeningWeek(this.days(office.seatId, dates));
    }
    if (needs.has('hotline')) {
      const start = this.calendar.day(dates[0]).start;
      const end = this.calendar.day(dates[6]).end;
      const records = (this.hotline.get(office.id) ?? []).filter((r) => r.start.getTime() < end && r.end.getTime() > start);
      facts.hotlineWeek = hotlineWeek(
        dates.slice(0, 5).map((date) => {
          const day = this.calendar.day(date);
          return { date, weekday: day.weekday, holiday: day.holiday };
        }),
        records,
        this.dayOf,
      );
    }
    return facts;
  }

  /** Section 4.1: the practice meetings recorded by the end of the period (district rules). */
  practiceMeetings(period: JudgementPeriod): PracticeMeetingFacts {
    const rows = this.meetings.filter((m) => m.date <= period.to);
    return {
      meetings: rows.map((m) => ({ date: m.date, audience: m.audience, invited: m.invited, attended: m.attended })),
      sources: rows.map((m) => `practice-meeting:${m.id}`),
    };
  }

  /** Section 1.2 and 2 (issue 15): the office registers of one month. */
  private officeRegisterFacts(facts: Facts, officeId: string, period: JudgementPeriod, needs: ReadonlySet<Need>): void {
    if (needs.has('appointments')) {
      const slots = (this.appointmentSlots.get(officeId) ?? []).filter((s) => s.date >= period.from && s.date <= period.to);
      const dates = [...new Set(slots.map((s) => s.date))].sort();
      facts.appointmentMonth = appointmentMonth(period.id, this.days(officeId, dates), slots);
    }
    if (needs.has('contact-counts')) {
      facts.contactCounts = contactCountsMonth(period.id, (this.contactCounts.get(officeId) ?? []).filter((c) => c.month === period.id));
    }
    if (needs.has('handovers')) {
      facts.handovers = handoverMonth(period.id, (this.caseloadHandovers.get(officeId) ?? []).find((h) => h.month === period.id));
    }
  }

  /** One office as the district rules see it: the opening its schedules in force offer in a week. */
  districtOffice(office: OfficeRef, period: JudgementPeriod): DistrictOfficeFacts {
    const week = period.kind === 'week' ? plannedWeek(this.days(office.id, this.calendar.weekDates(period.id))) : undefined;
    // Survey answers up to the end of the period; the rule picks its window from them.
    const surveys = this.surveyAnswers
      ? (this.surveyAnswers.get(office.id) ?? [])
          .filter((r) => r.month <= period.to.slice(0, 7))
          .map((r) => ({ audience: r.audience, questionnaireId: r.questionnaireId, roundId: r.roundId, roundTitle: r.roundTitle, month: r.month, answers: r.answers }))
      : undefined;
    return { id: office.id, name: office.name, role: office.role, ...(week ? { plannedWeek: week } : {}), ...(surveys ? { surveyAnswers: surveys } : {}) };
  }

  /** The public holidays of a month (date → name), once per month for all offices of the bundle. */
  private holidaysOf(period: JudgementPeriod): Readonly<Record<string, string>> {
    let holidays = this.monthHolidays.get(period.id);
    if (!holidays) {
      const found: Record<string, string> = {};
      for (const date of monthDates(period.id)) {
        const name = this.calendar.day(date).holiday;
        if (name) found[date] = name;
      }
      this.monthHolidays.set(period.id, (holidays = Object.freeze(found)));
    }
    return holidays;
  }

  private identity(office: OfficeRef): OfficeIdentity {
    const seatName = office.seatId ? this.names.get(office.seatId) : undefined;
    return {
      id: office.id,
      name: office.name,
      role: office.role,
      ...(office.seatId ? { seatId: office.seatId } : {}),
      ...(seatName ? { seatName } : {}),
    };
  }

  private days(officeId: string, dates: readonly string[]): DayInput[] {
    const versions = this.versions.get(officeId) ?? [];
    const closures = (this.closures.get(officeId) ?? []).filter((c) => c.date >= dates[0] && c.date <= dates[dates.length - 1]);
    return dates.map((date) => {
      const version = pickInForce(versions, date);
      const day = this.calendar.day(date);
      return {
        date,
        weekday: day.weekday,
        schedule: version ? { id: version.id, week: this.week(version) } : undefined,
        closures: closures.filter((c) => c.date === date).map((c) => ({ id: c.id, from: c.from, to: c.to })),
        holiday: day.holiday,
      };
    });
  }

  /** A version's week in minutes, parsed once (versions are immutable; shared, do not modify). */
  private week(version: ScheduleVersionFact): WeekSchedule {
    let week = this.weeks.get(version.id);
    if (!week) {
      week = weekFromStored(version.week);
      this.weeks.set(version.id, week);
    }
    return week;
  }
}
