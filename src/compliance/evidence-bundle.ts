import { holidayNameNrw, LocalCalendar } from '../calendar';
import type { AppliedDeviation, Facts, WeekSchedule } from '../engine';
import { pickApplied } from '../deviations/deviation-selection';
import type { Office } from '../offices/office.entity';
import { pickInForce } from '../schedules/schedule.repository';
import { weekFromStored } from '../schedules/week-input';
import type { JudgementPeriod } from './judgement-period';
import type { ClosureFact, HotlineFact, OfficerMonthFact, ScheduleVersionFact } from './judging-facts.repository';
import { hotlineWeek, realOpeningWeek, type DayInput } from './real-week.facts';

export interface LoadedEvidence {
  versions: ScheduleVersionFact[];
  closures: ClosureFact[];
  hotline: HotlineFact[];
  officerMonths: OfficerMonthFact[];
  /** Agreed deviations (section 6) per office touching the loaded range. */
  deviations: Map<string, AppliedDeviation[]>;
}

function groupBy<T extends { office_id: string }>(rows: T[]): Map<string, T[]> {
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
 * range; each schedule version's week is parsed once per bundle.
 */
export class EvidenceBundle {
  private readonly versions: Map<string, ScheduleVersionFact[]>;
  private readonly closures: Map<string, ClosureFact[]>;
  private readonly hotline: Map<string, HotlineFact[]>;
  private readonly officerMonths: Map<string, OfficerMonthFact[]>;
  private readonly deviations: Map<string, AppliedDeviation[]>;
  private readonly weeks = new Map<string, WeekSchedule>();
  private readonly dayOf: LocalCalendar['day'];

  /** `calendar`: pass one per audit so that its days are shared by all chunks of offices. */
  constructor(
    loaded: LoadedEvidence,
    private readonly calendar: LocalCalendar,
  ) {
    this.dayOf = (date) => calendar.day(date);
    this.versions = groupBy(loaded.versions);
    this.closures = groupBy(loaded.closures);
    this.hotline = groupBy(loaded.hotline);
    this.officerMonths = groupBy(loaded.officerMonths);
    this.deviations = loaded.deviations;
  }

  /** The agreed deviations that govern this office in this period (at most one per rule). */
  deviationsFor(officeId: string, period: JudgementPeriod): AppliedDeviation[] {
    return pickApplied(this.deviations.get(officeId) ?? [], period.from, period.to);
  }

  facts(office: Office, period: JudgementPeriod): Facts {
    const facts: Facts = { office: { id: office.id, role: office.role, seatId: office.seatId ?? undefined } };
    if (period.kind === 'month') {
      const officers = (this.officerMonths.get(office.id) ?? []).filter((m) => m.month === period.id);
      facts.timeShare = {
        month: period.id,
        officers: officers.map((o) => ({ employerServiceMinutes: o.employerServiceMinutes, workingMinutes: o.workingMinutes })),
        recordCount: officers.reduce((n, o) => n + o.records, 0),
      };
      return facts;
    }
    const dates = this.calendar.weekDates(period.id);
    facts.openingWeek = realOpeningWeek(this.days(office.id, dates));
    if (office.role === 'tandem-minor' && office.seatId) facts.seatOpeningWeek = realOpeningWeek(this.days(office.seatId, dates));
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
    return facts;
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
