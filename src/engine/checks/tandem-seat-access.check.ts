import type { CheckDefinition } from './check-definition';
import { insufficientData, notApplicable } from './outcomes';
import { allExcusedMessage, dayOf, workingDays } from './working-days';
import { totalMinutes } from '../intervals';
import { weekdayNames } from '../time';

const UNIT = 'Tage';

/**
 * Section 2, Ausnahmeregelungen: "an den Tagen, an denen kein Zugang möglich ist, muss ein Zugang
 * über den Regionalstellensitz ermöglicht werden." For every weekday (holidays skipped) on which
 * the smaller location of a tandem has no opening at all, the seat must be open that day.
 * The seat's schedule is only needed when such a day exists; without it the finding is
 * `insufficient_data`, never compliant.
 */
export const tandemSeatAccessCheck: CheckDefinition = {
  kind: 'tandem-seat-access',
  unit: UNIT,
  params: {},
  evaluate(facts) {
    const week = facts.openingWeek;
    if (!week) return insufficientData(UNIT, 'Für diesen Zeitraum sind keine Öffnungszeiten bekannt.');
    const seatName = facts.office.seatId ? `Regionalstellensitz ${facts.office.seatId}` : 'Regionalstellensitz';

    const weekdays = workingDays(week);
    const due = weekdays.filter((day) => !day.excused);
    if (due.length === 0) return notApplicable(UNIT, allExcusedMessage(weekdays), {}, week.sources);

    const closedDays = due.filter((day) => totalMinutes(day.opening) === 0).map((day) => day.weekday);
    if (closedDays.length === 0) {
      return {
        status: 'compliant',
        measured: 0,
        required: 0,
        unit: UNIT,
        message: 'Die Regionalstelle ist an allen Werktagen selbst geöffnet; ein Zugang über den Regionalstellensitz ist nicht erforderlich.',
        evidence: { closedDays, days: [] },
        sources: week.sources,
      };
    }

    const seat = facts.seatOpeningWeek;
    if (!seat) {
      return insufficientData(
        UNIT,
        `Die Regionalstelle ist am ${weekdayNames(closedDays)} geschlossen, aber vom ${seatName} ist kein Öffnungsplan bekannt; der Zugang über den Sitz kann nicht geprüft werden.`,
        week.sources,
      );
    }

    const days = closedDays.map((weekday) => ({
      weekday,
      seatOpenMinutes: totalMinutes(dayOf(seat, weekday).opening),
    }));
    const withoutAccess = days.filter((day) => day.seatOpenMinutes === 0).map((day) => day.weekday);
    const sources = [...week.sources, ...seat.sources];
    const evidence = { seatId: facts.office.seatId ?? null, closedDays, days, daysWithoutAccess: withoutAccess };

    return {
      status: withoutAccess.length === 0 ? 'compliant' : 'non_compliant',
      measured: withoutAccess.length,
      required: 0,
      unit: UNIT,
      message:
        withoutAccess.length === 0
          ? `An den Tagen ohne eigene Öffnung (${weekdayNames(closedDays)}) ist der ${seatName} geöffnet.`
          : `Am ${weekdayNames(withoutAccess)} sind weder die Regionalstelle noch der ${seatName} geöffnet. An diesen Tagen muss die Regionalstelle selbst öffnen oder der Zugang über den Regionalstellensitz ermöglicht werden.`,
      evidence,
      sources,
    };
  },
};
