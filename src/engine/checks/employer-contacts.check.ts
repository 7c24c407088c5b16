import type { OfficeCheckDefinition } from './check-definition';
import { insufficientData } from './outcomes';
import { WINDOW_MONTHS_PARAM, covers, datesFrom, monthBounds, overlaps, personChanges, windowStart } from './register-days';
import { formatPercent, germanDate } from '../time';
import type { EmployerAssignmentFact } from '../types';
import { CONTACT_ROLE_LABELS, periodLabel } from '../vocabulary';

const UNIT = '%';
/** Messages and evidence name at most this many employer references per problem. */
const NAMED = 10;

/**
 * Section 4.2: "Das Unternehmen als Kunde hat innerhalb der JobAgentur EN eine feste und
 * einheitliche Ansprechperson. Erste Ansprechpartnerin bzw. Ansprechpartner für Unternehmen sind
 * die Arbeitsvermittlerinnen Arbeitsvermittler." Judged per month over the months ending with it
 * (`windowMonths`), from the office's employer assignments:
 *
 * - "einheitlich": no employer has two contacts on the same day;
 * - "Erste Ansprechpartnerin … sind die Arbeitsvermittlerinnen [und] Arbeitsvermittler": every
 *   contact is a placement officer;
 * - "fest": the share of employers whose contact changed stays at most `maximumChangedPercent`. The
 *   text names no share; the reading closest to its words is 0 % (any change is reported), the
 *   threshold is a parameter (and section 4.2 itself allows "begrenzte und abgestimmte
 *   Abweichungen", i.e. a deviation under section 6).
 *
 * The share is measured; overlaps and contacts of other functions are reported with it. Contact
 * persons reach the engine only as opaque keys; employer references are company pseudonyms.
 */
export const employerContactsCheck: OfficeCheckDefinition = {
  kind: 'employer-contacts',
  unit: UNIT,
  needs: ['employer-assignments'],
  cadence: 'month',
  scope: 'office',
  params: {
    windowMonths: WINDOW_MONTHS_PARAM(3),
    maximumChangedPercent: { type: 'number', required: false, default: 0, min: 0, max: 100 },
  },
  evaluate(facts, params, context) {
    const month = monthBounds(context.period);
    if (!month) return insufficientData(UNIT, 'Die Ansprechpersonen der Unternehmen werden je Kalendermonat beurteilt.');
    const windowMonths = params.number('windowMonths');
    const maximum = params.number('maximumChangedPercent');
    const since = windowStart(context.period!, windowMonths);
    const span = windowMonths === 1 ? `im ${periodLabel(context.period!)}` : `in den ${windowMonths} Monaten bis ${periodLabel(context.period!)}`;
    const register = facts.employerAssignments;
    const active = (register?.assignments ?? []).filter((a) => overlaps(a, since, month.to));
    if (active.length === 0) {
      return insufficientData(UNIT, `Für die Regionalstelle ${facts.office.name} ist ${span} keine Zuordnung von Unternehmen zu Ansprechpersonen eingetragen.`);
    }

    const byEmployer = groupByEmployer(active);
    const history = groupByEmployer(register?.assignments ?? []);
    const dates = datesFrom(since, month.to);
    const twoAtOnce: Array<{ employer: string; firstDate: string }> = [];
    const changed: string[] = [];
    for (const [employer, spans] of [...byEmployer].sort(([a], [b]) => a.localeCompare(b))) {
      // Days of the window on which two different contacts are assigned (an overlap, not a handover on consecutive days).
      const clash = spans.length > 1 ? dates.find((date) => new Set(spans.filter((s) => covers(s, date)).map((s) => s.contact)).size > 1) : undefined;
      if (clash) twoAtOnce.push({ employer, firstDate: clash });
      // Earlier assignments of the employer form the baseline of the first day (see personChanges).
      if (personChanges(history.get(employer) ?? spans, (s) => s.contact, since, month.to).changes > 0) changed.push(employer);
    }
    const otherRoles = [...new Set(active.filter((a) => a.role !== 'placement').map((a) => a.employer))].sort();
    const rolesSeen = [...new Set(active.filter((a) => a.role !== 'placement').map((a) => CONTACT_ROLE_LABELS[a.role]))];
    const employers = byEmployer.size;
    const share = Math.round((changed.length * 1000) / employers) / 10;
    // changed ÷ employers ≤ maximum ÷ 100, kept free of rounding.
    const shareOk = changed.length * 100 <= maximum * employers;
    const compliant = shareOk && twoAtOnce.length === 0 && otherRoles.length === 0;

    const named = (refs: string[]) => refs.slice(0, NAMED).join(', ') + (refs.length > NAMED ? ` und ${refs.length - NAMED} weitere` : '');
    const problems = [
      ...(shareOk ? [] : [`bei ${changed.length} von ${employers} Unternehmen (${formatPercent(share)} %) wechselte die Ansprechperson (${named(changed)}); zulässig sind höchstens ${formatPercent(maximum)} %`]),
      ...(twoAtOnce.length
        ? [`${twoAtOnce.length} ${twoAtOnce.length === 1 ? 'Unternehmen hatte' : 'Unternehmen hatten'} zugleich zwei Ansprechpersonen (${twoAtOnce.slice(0, NAMED).map((t) => `${t.employer} ab ${germanDate(t.firstDate)}`).join(', ')}${twoAtOnce.length > NAMED ? ` und ${twoAtOnce.length - NAMED} weitere` : ''})`]
        : []),
      ...(otherRoles.length ? [`${otherRoles.length} ${otherRoles.length === 1 ? 'Unternehmen wird' : 'Unternehmen werden'} nicht von der Arbeitsvermittlung betreut, sondern von ${rolesSeen.join(', ')} (${named(otherRoles)})`] : []),
    ];
    return {
      status: compliant ? 'compliant' : 'non_compliant',
      measured: share,
      required: maximum,
      unit: UNIT,
      message: compliant
        ? `${capitalise(span)} hatten alle ${employers} Unternehmen der Regionalstelle ${facts.office.name} genau eine Ansprechperson aus der Arbeitsvermittlung; ` +
          `bei ${changed.length} von ihnen (${formatPercent(share)} %) wechselte sie, zulässig sind höchstens ${formatPercent(maximum)} %.`
        : `${capitalise(span)} hatten nicht alle ${employers} Unternehmen der Regionalstelle ${facts.office.name} eine feste und einheitliche Ansprechperson aus der Arbeitsvermittlung: ${problems.join('; ')}. ` +
          'Jedes Unternehmen soll eine feste Ansprechperson aus der Arbeitsvermittlung haben.',
      evidence: {
        windowFrom: since,
        employerCount: employers,
        employersChanged: changed.length,
        changedEmployers: changed.slice(0, NAMED),
        employersWithTwoContacts: twoAtOnce.length,
        twoContacts: twoAtOnce.slice(0, NAMED).map((t) => ({ employer: t.employer, date: t.firstDate })),
        employersWithOtherRole: otherRoles.length,
        otherRoleEmployers: otherRoles.slice(0, NAMED),
      },
      sources: register?.sources ?? [],
    };
  },
};

function groupByEmployer(assignments: readonly EmployerAssignmentFact[]): Map<string, EmployerAssignmentFact[]> {
  const groups = new Map<string, EmployerAssignmentFact[]>();
  for (const a of assignments) {
    const list = groups.get(a.employer);
    if (list) list.push(a);
    else groups.set(a.employer, [a]);
  }
  return groups;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
