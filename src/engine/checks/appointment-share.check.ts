import type { OfficeCheckDefinition } from './check-definition';
import { insufficientData } from './outcomes';
import { formatPercent } from '../time';
import { APPOINTMENT_AREAS } from '../types';
import { APPOINTMENT_AREA_LABELS, periodLabel } from '../vocabulary';

const UNIT = '%';

/** Share in percent with one decimal; null without contacts. */
const share = (part: number, total: number) => (total === 0 ? null : Math.round((part * 1000) / total) / 10);

/**
 * Section 2: "Die Bereiche Leistungsgewährung, Arbeitsvermittlung und Fachberatung arbeiten nach
 * Möglichkeit auf Basis von Terminvereinbarungen, …". "nach Möglichkeit" sets no number: a
 * monitoring figure, never a violation. Measured: the share of the month's contacts that were by
 * appointment, over all reported areas; each area's share is kept as evidence.
 */
export const appointmentShareCheck: OfficeCheckDefinition = {
  kind: 'appointment-share',
  unit: UNIT,
  needs: ['contact-counts'],
  cadence: 'month',
  scope: 'office',
  params: {},
  evaluate(facts, _params, context) {
    const counts = facts.contactCounts;
    const label = periodLabel(context.period ?? counts?.month ?? '');
    if (!counts || counts.counts.length === 0) {
      return insufficientData(UNIT, `Für ${label} sind keine Kontaktzahlen (mit Termin, ohne Termin) gemeldet.`);
    }
    const byAppointment = counts.counts.reduce((n, c) => n + c.byAppointment, 0);
    const total = counts.counts.reduce((n, c) => n + c.byAppointment + c.walkIn, 0);
    const measured = share(byAppointment, total);
    if (measured === null) {
      return insufficientData(UNIT, `Für ${label} sind nur Kontaktzahlen von 0 gemeldet; ein Anteil lässt sich nicht berechnen.`, counts.sources);
    }
    const areas = APPOINTMENT_AREAS.flatMap((area) => {
      const c = counts.counts.find((x) => x.area === area);
      return c ? [{ area: APPOINTMENT_AREA_LABELS[area], byAppointment: c.byAppointment, walkIn: c.walkIn, sharePercent: share(c.byAppointment, c.byAppointment + c.walkIn) }] : [];
    });
    return {
      status: 'observed',
      measured,
      required: null,
      unit: UNIT,
      message: `Beobachtungswert: Im ${label} fanden ${formatPercent(measured)} % der Kontakte mit Termin statt (${byAppointment} von ${total}).`,
      evidence: { areas, byAppointment, contacts: total },
      sources: counts.sources,
    };
  },
};
