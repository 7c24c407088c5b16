import type { Interval, Weekday } from './types';

/**
 * Facts from the three office registers of section 1.2 and 2 (issue 15): appointment slots outside
 * the opening hours, contacts by appointment against walk-ins, and handovers of caseloads. Plain
 * data; the service layer cuts them per office and calendar month.
 */

/**
 * Section 2 names three areas: "Leistungsgewährung, Arbeitsvermittlung und Fachberatung" (and,
 * for appointments outside the opening hours, "Fachberatung, Arbeitsvermittlung und zur Klärung
 * von Leistungssachverhalten"). The German words are in APPOINTMENT_AREA_LABELS (vocabulary.ts).
 */
export type AppointmentArea = 'benefits' | 'placement' | 'specialist_advice';
export const APPOINTMENT_AREAS: readonly AppointmentArea[] = ['benefits', 'placement', 'specialist_advice'];

export interface AppointmentSlot extends Interval {
  area: AppointmentArea;
}

/** One day of the month on which appointments were offered or held. */
export interface AppointmentDayFacts {
  /** YYYY-MM-DD */
  date: string;
  weekday: Weekday;
  /**
   * The opening in force that day: the schedule version in force minus closures; empty on a public
   * holiday (the office is closed). Undefined when no schedule version is in force that day.
   */
  opening?: Interval[];
  /** Name of the NRW public holiday that day. */
  holiday?: string;
  /** Whether a closure was reported for that day (already subtracted from `opening`). */
  closure?: boolean;
  slots: AppointmentSlot[];
}

export interface AppointmentMonthFacts {
  /** YYYY-MM */
  month: string;
  /** Only the days with at least one slot, in date order. */
  days: AppointmentDayFacts[];
  slotCount: number;
  sources: string[];
}

export interface ContactCount {
  area: AppointmentArea;
  byAppointment: number;
  walkIn: number;
}

export interface ContactCountsFacts {
  /** YYYY-MM */
  month: string;
  /** At most one entry per area; areas without a report are absent. */
  counts: ContactCount[];
  sources: string[];
}

/** Counts only: no person, neither customer nor staff, ever reaches the engine. */
export interface HandoverFacts {
  /** YYYY-MM */
  month: string;
  /** Undefined when the office reported nothing for the month. */
  record?: { caseloadSize: number; changes: number };
  sources: string[];
}
