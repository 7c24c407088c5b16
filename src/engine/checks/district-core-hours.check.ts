import type { DistrictCheckDefinition } from './check-definition';
import { insufficientData } from './outcomes';
import { dayOf } from './working-days';
import { intersect, subtract, totalMinutes, union } from '../intervals';
import { WEEKDAY_NAMES_DE, formatClock, formatHours, formatWeekdays, joinGerman, minutesToHours } from '../time';
import type { DistrictOfficeFacts, Interval, Weekday } from '../types';
import { periodLabel } from '../vocabulary';

const UNIT = 'Std.';

type DayWindows = Partial<Record<Weekday, Interval[]>>;

/**
 * Section 2, Grundsatzregelungen: "angestrebt werden soll in einem Kernbereich ein kreiseinheitliches
 * Angebot." One finding per period over all offices at once: the core is the set of windows on the
 * rule's days in which every office the rule names (standalone offices and tandem seats; the smaller
 * tandem locations have their own exception) is open according to its schedules in force. The aim is
 * met when the core reaches `minimumHours` a week.
 *
 * When it falls short, the finding proposes how to reach the aim with the fewest added office hours:
 * it extends the core first by the times in which the most offices are already open, and names for
 * each office the hours it would have to add.
 */
export const districtCoreHoursCheck: DistrictCheckDefinition = {
  kind: 'district-core-hours',
  unit: UNIT,
  needs: ['schedule'],
  cadence: 'week',
  scope: 'district',
  params: {
    minimumHours: { type: 'number', required: true, min: 0, max: 168 },
    days: { type: 'weekdays', required: false, default: 'Mo-Fr' },
  },
  evaluate(facts, params, context) {
    const when = context.period && context.period !== 'regular-week' ? `in der ${periodLabel(context.period)}` : 'in der regelmäßigen Woche';
    const offices = facts.offices;
    if (offices.length === 0) return insufficientData(UNIT, 'Es sind keine Regionalstellen bekannt, deren Öffnungszeiten einen Kernbereich bilden.');
    const missing = offices.filter((o) => !o.plannedWeek);
    if (missing.length > 0) {
      return insufficientData(
        UNIT,
        `Für ${joinGerman(missing.map((o) => `die Regionalstelle ${o.name}`))} ist ${when} nicht an jedem Tag ein Öffnungszeitenplan in Kraft; ` +
          'der gemeinsame Kernbereich aller Regionalstellen lässt sich deshalb nicht bestimmen.',
        offices.flatMap((o) => o.plannedWeek?.sources ?? []),
      );
    }

    const days = params.weekdays('days');
    const minimum = params.hoursAsMinutes('minimumHours');
    const opening = (office: DistrictOfficeFacts, day: Weekday) => union(dayOf(office.plannedWeek!, day).opening);
    const core: DayWindows = {};
    for (const day of days) {
      core[day] = offices.slice(1).reduce((common, office) => intersect(common, opening(office, day)), opening(offices[0], day));
    }
    const coreMinutes = days.reduce((sum, day) => sum + totalMinutes(core[day]!), 0);
    const compliant = coreMinutes >= minimum;
    const sources = [...new Set(offices.flatMap((o) => o.plannedWeek!.sources))];
    const who = `alle ${offices.length} Regionalstellen (${formatWeekdays(days)}, ohne die kleineren Tandemstandorte)`;
    const common = `gemeinsame Öffnungszeiten: ${describeWindows(days, core)}`;

    const evidence: Record<string, unknown> = {
      offices: offices.map((o) => ({ id: o.id, name: o.name })),
      days: formatWeekdays(days),
      coreHours: minutesToHours(coreMinutes),
      commonWindows: windowTexts(days, core),
    };
    if (compliant) {
      return {
        status: 'compliant',
        measured: minutesToHours(coreMinutes),
        required: minutesToHours(minimum),
        unit: UNIT,
        message: `${capitalise(when)} sind ${who} gemeinsam ${formatHours(coreMinutes)} Std. geöffnet und erreichen den angestrebten Kernbereich von ${formatHours(minimum)} Std. (${common}).`,
        evidence,
        sources,
      };
    }

    const proposal = proposeCore(days, offices, opening, core, minimum - coreMinutes);
    const additions = proposal
      ? offices
          .map((office) => {
            const add: DayWindows = {};
            for (const day of days) {
              const extra = subtract(proposal[day] ?? [], opening(office, day));
              if (extra.length > 0) add[day] = extra;
            }
            const minutes = days.reduce((sum, day) => sum + totalMinutes(add[day] ?? []), 0);
            return { office, add, minutes };
          })
          .filter((a) => a.minutes > 0)
      : [];
    evidence.proposal = proposal
      ? {
          coreWindows: windowTexts(days, proposal),
          additions: additions.map((a) => ({ officeId: a.office.id, officeName: a.office.name, hours: minutesToHours(a.minutes), windows: windowTexts(days, a.add) })),
        }
      : null;
    const advice = proposal
      ? ` Für den angestrebten Kernbereich müssten zusätzlich öffnen: ${additions
          .map((a) => `Regionalstelle ${a.office.name} ${describeWindows(days, a.add, true)} (${formatHours(a.minutes)} Std.)`)
          .join('; ')}.`
      : ' Auch zu den Zeiten, in denen irgendeine Regionalstelle geöffnet ist, reicht der Kernbereich nicht: dafür müssten die Regionalstellen ihre Öffnungszeiten gemeinsam erweitern.';
    return {
      status: 'non_compliant',
      measured: minutesToHours(coreMinutes),
      required: minutesToHours(minimum),
      unit: UNIT,
      message: `${capitalise(when)} sind ${who} nur ${formatHours(coreMinutes)} Std. gemeinsam geöffnet; angestrebt sind mindestens ${formatHours(minimum)} Std. (${common}).${advice}`,
      evidence,
      sources,
    };
  },
};

/**
 * Extends the core by `lacking` minutes, taking first the times in which the most offices are
 * already open (the fewest hours to add), then earlier days and times. A segment longer than needed
 * is cut on the side that touches the core. Null when even the times in which any office is open
 * are not enough.
 */
function proposeCore(
  days: readonly Weekday[],
  offices: readonly DistrictOfficeFacts[],
  opening: (office: DistrictOfficeFacts, day: Weekday) => Interval[],
  core: DayWindows,
  lacking: number,
): DayWindows | null {
  const candidates: Array<Interval & { day: Weekday; dayIndex: number; open: number }> = [];
  days.forEach((day, dayIndex) => {
    const perOffice = offices.map((office) => opening(office, day));
    const bounds = [...new Set(perOffice.flatMap((list) => list.flatMap((i) => [i.from, i.to])))].sort((a, b) => a - b);
    for (let k = 0; k + 1 < bounds.length; k++) {
      const segment = { from: bounds[k], to: bounds[k + 1] };
      const open = perOffice.filter((list) => list.some((i) => i.from <= segment.from && i.to >= segment.to)).length;
      if (open > 0 && open < offices.length) candidates.push({ ...segment, day, dayIndex, open });
    }
  });
  candidates.sort((a, b) => b.open - a.open || a.dayIndex - b.dayIndex || a.from - b.from);

  const proposal: DayWindows = Object.fromEntries(days.map((day) => [day, [...(core[day] ?? [])]]));
  let remaining = lacking;
  for (const c of candidates) {
    if (remaining <= 0) break;
    const chosen = proposal[c.day]!;
    let part: Interval = { from: c.from, to: c.to };
    if (c.to - c.from > remaining) {
      const touchesEnd = chosen.some((i) => i.from === c.to);
      const touchesStart = chosen.some((i) => i.to === c.from);
      part = touchesEnd && !touchesStart ? { from: c.to - remaining, to: c.to } : { from: c.from, to: c.from + remaining };
    }
    proposal[c.day] = union([...chosen, part]);
    remaining -= part.to - part.from;
  }
  return remaining > 0 ? null : proposal;
}

function windowTexts(days: readonly Weekday[], windows: DayWindows): Partial<Record<Weekday, string[]>> {
  return Object.fromEntries(days.filter((day) => (windows[day] ?? []).length > 0).map((day) => [day, windows[day]!.map(formatWindow)]));
}

/** 'Montag 08:00–12:00, Dienstag 08:00–12:00 und 14:00–16:00'; 'keine' when empty. */
function describeWindows(days: readonly Weekday[], windows: DayWindows, withoutNone = false): string {
  const parts = days
    .filter((day) => (windows[day] ?? []).length > 0)
    .map((day) => `${WEEKDAY_NAMES_DE[day]} ${joinGerman(windows[day]!.map(formatWindow))}`);
  return parts.length > 0 ? parts.join(', ') : withoutNone ? '' : 'keine';
}

function formatWindow(i: Interval): string {
  return `${formatClock(i.from)}–${formatClock(i.to)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
