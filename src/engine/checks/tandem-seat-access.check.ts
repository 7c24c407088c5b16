import type { OfficeCheckDefinition } from './check-definition';
import { insufficientData } from './outcomes';
import { CREDIT_HOLIDAYS_PARAM, countedOpening, dayOf, holidayEvidence, holidayNote, workingDays } from './working-days';
import { totalMinutes } from '../intervals';
import { weekdayNames } from '../time';

const UNIT = 'Tage';

/**
 * Section 2, Ausnahmeregelungen: "an den Tagen, an denen kein Zugang möglich ist, muss ein Zugang
 * über den Regionalstellensitz ermöglicht werden." For every weekday on which the smaller location
 * of a tandem has no opening at all, the seat must be open that day. Public holidays count for both
 * with the opening their schedules foresaw (`creditHolidays`), like every opening rule.
 * The seat's schedule is only needed when such a day exists; without it the finding is
 * `insufficient_data`, never compliant.
 */
export const tandemSeatAccessCheck: OfficeCheckDefinition = {
  kind: 'tandem-seat-access',
  unit: UNIT,
  needs: ['schedule'],
  cadence: 'week',
  scope: 'office',
  params: { creditHolidays: CREDIT_HOLIDAYS_PARAM },
  evaluate(facts, params) {
    const week = facts.openingWeek;
    if (!week) return insufficientData(UNIT, 'Für diesen Zeitraum sind keine Öffnungszeiten bekannt.');
    const credit = params.boolean('creditHolidays');
    const seatName = facts.office.seatName ? `Regionalstellensitz ${facts.office.seatName}` : 'Regionalstellensitz';

    const weekdays = workingDays(week);
    const closedDays = weekdays.filter((day) => totalMinutes(countedOpening(day, credit)) === 0).map((day) => day.weekday);
    const note = holidayNote(weekdays, credit, false);
    if (closedDays.length === 0) {
      return {
        status: 'compliant',
        measured: 0,
        required: 0,
        unit: UNIT,
        message: `Die Regionalstelle ist an allen Werktagen selbst geöffnet; ein Zugang über den Regionalstellensitz ist nicht erforderlich.${note}`,
        evidence: { closedDays, days: [], holidays: holidayEvidence(weekdays, credit) },
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
      seatOpenMinutes: totalMinutes(countedOpening(dayOf(seat, weekday), credit)),
    }));
    const withoutAccess = days.filter((day) => day.seatOpenMinutes === 0).map((day) => day.weekday);
    const sources = [...week.sources, ...seat.sources];
    const evidence = {
      seatId: facts.office.seatId ?? null,
      seatName: facts.office.seatName ?? null,
      closedDays,
      days,
      daysWithoutAccess: withoutAccess,
      holidays: holidayEvidence(weekdays, credit),
    };

    return {
      status: withoutAccess.length === 0 ? 'compliant' : 'non_compliant',
      measured: withoutAccess.length,
      required: 0,
      unit: UNIT,
      message:
        (withoutAccess.length === 0
          ? `An den Tagen ohne eigene Öffnung (${weekdayNames(closedDays)}) ist der ${seatName} geöffnet.`
          : `Am ${weekdayNames(withoutAccess)} sind weder die Regionalstelle noch der ${seatName} geöffnet. An diesen Tagen muss die Regionalstelle selbst öffnen oder der Zugang über den Regionalstellensitz ermöglicht werden.`) + note,
      evidence,
      sources,
    };
  },
};
