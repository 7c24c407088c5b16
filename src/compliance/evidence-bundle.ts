import { DateTime } from 'luxon';
import { isoWeekDates, publicHolidaysNrw, weekdayOf } from '../calendar';
import type { AppliedDeviation, Facts } from '../engine';
import { pickApplied } from '../deviations/deviation-selection';
import type { Office } from '../offices/office.entity';
import { pickInForce } from '../schedules/schedule.repository';
import { weekFromStored } from '../schedules/week-input';
import type { JudgementPeriod } from './judgement-period';
import type { ClosureFact, HotlineFact, OfficerMonthFact, ScheduleVersionFact } from './judging-facts.repository';
import { hotlineWeek, realOpeningWeek, ZONE, type DayInput } from './real-week.facts';

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
  return publicHolidaysNrw(Number(date.slice(0, 4))).get(date);
}

/**
 * The evidence of some offices over a range, loaded once, from which the facts of each office and
 * period are cut. Pure: no I/O after loading.
 */
export class EvidenceBundle {
  private readonly versions: Map<string, ScheduleVersionFact[]>;
  private readonly closures: Map<string, ClosureFact[]>;
  private readonly hotline: Map<string, HotlineFact[]>;
  private readonly officerMonths: Map<string, OfficerMonthFact[]>;
  private readonly deviations: Map<string, AppliedDeviation[]>;

  constructor(loaded: LoadedEvidence) {
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
    const dates = isoWeekDates(period.id);
    facts.openingWeek = realOpeningWeek(this.days(office.id, dates));
    if (office.role === 'tandem-minor' && office.seatId) facts.seatOpeningWeek = realOpeningWeek(this.days(office.seatId, dates));
    const start = DateTime.fromISO(dates[0], { zone: ZONE }).startOf('day').toMillis();
    const end = DateTime.fromISO(dates[0], { zone: ZONE }).plus({ weeks: 1 }).startOf('day').toMillis();
    const records = (this.hotline.get(office.id) ?? []).filter((r) => r.start.getTime() < end && r.end.getTime() > start);
    facts.hotlineWeek = hotlineWeek(
      dates.slice(0, 5).map((date) => ({ date, weekday: weekdayOf(date), holiday: holidayOn(date) })),
      records,
    );
    return facts;
  }

  private days(officeId: string, dates: string[]): DayInput[] {
    const versions = this.versions.get(officeId) ?? [];
    const closures = (this.closures.get(officeId) ?? []).filter((c) => c.date >= dates[0] && c.date <= dates[dates.length - 1]);
    return dates.map((date) => {
      const version = pickInForce(versions, date);
      return {
        date,
        weekday: weekdayOf(date),
        schedule: version ? { id: version.id, week: weekFromStored(version.week) } : undefined,
        closures: closures.filter((c) => c.date === date).map((c) => ({ id: c.id, from: c.from, to: c.to })),
        holiday: holidayOn(date),
      };
    });
  }
}
