import type { AppointmentDayFacts, AppointmentMonthFacts, ContactCountsFacts, HandoverFacts } from '../engine';
import type { AppointmentSlotFact, CaseloadHandoverFact, ContactCountFact } from './judging-facts.repository';
import { actualDay, type DayInput } from './real-week.facts';

/**
 * Turns the office registers of one month (issue 15) into the plain facts the engine judges. Pure:
 * the days (schedule in force, closures, holiday) and the register rows come in as arguments.
 */

/**
 * The days of the month with appointment slots, each with the opening in force that day: the
 * schedule version in force minus closures, nothing on a public holiday (actualDay, the same rule
 * real weeks use). A day without a schedule in force has no `opening`: its slots cannot be placed.
 */
export function appointmentMonth(month: string, days: DayInput[], slots: AppointmentSlotFact[]): AppointmentMonthFacts {
  const sources = new Set<string>();
  const out: AppointmentDayFacts[] = days.map((day) => {
    const own = slots.filter((s) => s.date === day.date);
    for (const s of own) sources.add(`appointment:${s.id}`);
    if (day.schedule) sources.add(`schedule:${day.schedule.id}`);
    if (!day.holiday) for (const c of day.closures) sources.add(`closure:${c.id}`);
    const actual = day.schedule ? actualDay(day) : undefined;
    return {
      date: day.date,
      weekday: day.weekday,
      ...(actual ? { opening: actual.opening } : {}),
      ...(day.holiday ? { holiday: day.holiday } : {}),
      ...(day.closures.length > 0 && !day.holiday ? { closure: true } : {}),
      slots: own.map((s) => ({ from: s.from, to: s.to, area: s.area })),
    };
  });
  return { month, days: out, slotCount: slots.length, sources: [...sources] };
}

export function contactCountsMonth(month: string, rows: ContactCountFact[]): ContactCountsFacts {
  return {
    month,
    counts: rows.map((r) => ({ area: r.area, byAppointment: r.byAppointment, walkIn: r.walkIn })),
    sources: rows.map((r) => `contact-count:${r.id}`),
  };
}

export function handoverMonth(month: string, row: CaseloadHandoverFact | undefined): HandoverFacts {
  return row
    ? { month, record: { caseloadSize: row.caseloadSize, changes: row.changes }, sources: [`caseload-handover:${row.id}`] }
    : { month, sources: [] };
}
