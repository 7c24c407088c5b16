import type { OfficeCheckDefinition } from './check-definition';
import { insufficientData } from './outcomes';
import type { ParamReader } from '../params/param-reader';
import { formatClock, germanDate, joinGerman } from '../time';
import { APPOINTMENT_AREAS, type AppointmentArea, type AppointmentDayFacts, type Interval } from '../types';
import { APPOINTMENT_AREA_LABELS, periodLabel } from '../vocabulary';

const UNIT = 'Bereiche';

/**
 * The areas a catalog lists, as codes or in German ('Leistung, Arbeitsvermittlung, Fachberatung'),
 * separated by commas; null when one of them is unknown or the list is empty or repeats an area.
 */
export function parseAppointmentAreas(text: string): AppointmentArea[] | null {
  const loose = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, '');
  const parts = text.split(',').map(loose).filter((p) => p !== '');
  const areas: AppointmentArea[] = [];
  for (const part of parts) {
    const area = APPOINTMENT_AREAS.find((a) => loose(a) === part || loose(APPOINTMENT_AREA_LABELS[a]) === part);
    if (!area || areas.includes(area)) return null;
    areas.push(area);
  }
  return areas.length > 0 ? areas : null;
}

/** Touching counts as outside: a slot from 12:30 after closing at 12:30 lies outside the opening. */
const overlaps = (a: Interval, b: Interval) => a.from < b.to && b.from < a.to;

type SlotVerdict = 'outside' | 'inside' | 'unknown';

function verdict(day: AppointmentDayFacts, slot: Interval): SlotVerdict {
  if (!day.opening) return 'unknown';
  return day.opening.some((open) => overlaps(open, slot)) ? 'inside' : 'outside';
}

/**
 * Section 2: "Außerhalb der Öffnungszeiten muss die Möglichkeit terminierter Vorsprachen,
 * insbesondere auch im Bereich Fachberatung, Arbeitsvermittlung und zur Klärung von
 * Leistungssachverhalten eingeräumt werden." Per calendar month, each listed area needs at least
 * `minimumPerArea` appointment slots that do not overlap the opening in force that day (the
 * schedule version in force minus closures; on a public holiday the office is closed, so any slot
 * lies outside). A slot on a day without a schedule in force cannot be placed: when an area's
 * verdict depends on such slots the month is judged insufficient_data, never compliant.
 */
export const outsideOpeningAppointmentsCheck: OfficeCheckDefinition = {
  kind: 'outside-opening-appointments',
  unit: UNIT,
  needs: ['schedule', 'appointments'],
  cadence: 'month',
  scope: 'office',
  params: {
    minimumPerArea: { type: 'number', required: true, integer: true, min: 1 },
    areas: { type: 'string', required: true },
  },
  validate(params: ParamReader) {
    return parseAppointmentAreas(params.string('areas')) === null
      ? [`Bereiche: erwartet wird eine Liste aus ${joinGerman(APPOINTMENT_AREAS.map((a) => APPOINTMENT_AREA_LABELS[a]))}, durch Kommas getrennt, jeder Bereich höchstens einmal`]
      : [];
  },
  evaluate(facts, params, context) {
    const month = facts.appointmentMonth;
    const label = periodLabel(context.period ?? month?.month ?? '');
    if (!month || month.slotCount === 0) {
      return insufficientData(UNIT, `Für ${label} sind keine Termine gemeldet; ob Vorsprachen außerhalb der Öffnungszeiten möglich waren, lässt sich nicht beurteilen.`);
    }
    const areas = parseAppointmentAreas(params.string('areas')) ?? [...APPOINTMENT_AREAS];
    const minimum = params.number('minimumPerArea');
    const perArea = new Map(areas.map((a) => [a, { outside: 0, inside: 0, unknown: 0 }]));
    const outsideSlots: Array<{ date: string; time: string; area: string; holiday?: string }> = [];
    const daysWithoutSchedule = new Set<string>();
    for (const day of month.days) {
      for (const slot of day.slots) {
        const counts = perArea.get(slot.area);
        if (!counts) continue;
        const v = verdict(day, slot);
        counts[v]++;
        if (v === 'unknown') daysWithoutSchedule.add(day.date);
        if (v === 'outside') {
          outsideSlots.push({ date: day.date, time: `${formatClock(slot.from)}–${formatClock(slot.to)}`, area: APPOINTMENT_AREA_LABELS[slot.area], ...(day.holiday ? { holiday: day.holiday } : {}) });
        }
      }
    }
    const met = areas.filter((a) => perArea.get(a)!.outside >= minimum);
    const missing = areas.filter((a) => perArea.get(a)!.outside + perArea.get(a)!.unknown < minimum);
    const open = areas.filter((a) => !met.includes(a) && !missing.includes(a));
    const names = (list: AppointmentArea[]) => joinGerman(list.map((a) => APPOINTMENT_AREA_LABELS[a]));
    const evidence = {
      areas: areas.map((a) => ({ area: APPOINTMENT_AREA_LABELS[a], outsideSlots: perArea.get(a)!.outside, insideSlots: perArea.get(a)!.inside, unknownSlots: perArea.get(a)!.unknown })),
      outsideAppointments: outsideSlots,
      daysWithoutSchedule: [...daysWithoutSchedule].map(germanDate),
      slotCount: month.slotCount,
    };
    const wanted = minimum === 1 ? 'mindestens ein Termin' : `mindestens ${minimum} Termine`;
    const base = { measured: met.length, required: areas.length, unit: UNIT, evidence, sources: month.sources };
    if (missing.length > 0) {
      return {
        ...base,
        status: 'non_compliant',
        message:
          `Im ${label} wurde ${wanted} außerhalb der Öffnungszeiten nicht in jedem Bereich angeboten (ohne solchen Termin: ${names(missing)}). ` +
          `Bitte auch außerhalb der Öffnungszeiten terminierte Vorsprachen für ${names(missing)} einräumen und melden.`,
      };
    }
    if (open.length > 0) {
      return {
        ...base,
        status: 'insufficient_data',
        message:
          `Im ${label} liegen Termine für ${names(open)} an Tagen ohne gültigen Öffnungszeitenplan (${joinGerman(evidence.daysWithoutSchedule)}); ` +
          'ob sie außerhalb der Öffnungszeiten lagen, lässt sich nicht beurteilen. Bitte den Öffnungszeitenplan für diese Tage einreichen.',
      };
    }
    return {
      ...base,
      status: 'compliant',
      message: `Im ${label} gab es in jedem Bereich (${names(areas)}) ${wanted} außerhalb der Öffnungszeiten (${outsideSlots.length} insgesamt).`,
    };
  },
};
