import type { OfficeCheckDefinition } from './check-definition';
import { insufficientData } from './outcomes';
import { formatPercent } from '../time';
import { periodLabel } from '../vocabulary';

const UNIT = '%';

/**
 * Section 1.2: "… dass bei der Betreuung der sozialen Kundinnen und Kunden und der
 * Arbeitgeberinnen und Arbeitgeber personelle Kontinuität in der Regionalstelle der JobAgentur EN
 * ermöglicht wird." The text sets no measure: a monitoring figure per office and month, never a
 * violation. Measured: changes of the responsible person per 100 cases of the caseload. Counts
 * only; no person is named or counted individually.
 */
export const handoverRateCheck: OfficeCheckDefinition = {
  kind: 'handover-rate',
  unit: UNIT,
  needs: ['handovers'],
  cadence: 'month',
  scope: 'office',
  params: {},
  evaluate(facts, _params, context) {
    const handovers = facts.handovers;
    const label = periodLabel(context.period ?? handovers?.month ?? '');
    const record = handovers?.record;
    if (!record) return insufficientData(UNIT, `Für ${label} sind keine Zahlen zu Zuständigkeitswechseln gemeldet.`);
    const measured = Math.round((record.changes * 1000) / record.caseloadSize) / 10;
    return {
      status: 'observed',
      measured,
      required: null,
      unit: UNIT,
      message:
        `Beobachtungswert: Im ${label} wechselte bei ${record.changes} von ${record.caseloadSize} betreuten Fällen die zuständige Person ` +
        `(Wechselquote ${formatPercent(measured)} %).`,
      evidence: { caseloadSize: record.caseloadSize, changes: record.changes },
      sources: handovers.sources,
    };
  },
};
