import type { DistrictCheckDefinition } from './check-definition';
import { insufficientData } from './outcomes';
import { WINDOW_MONTHS_PARAM, monthBounds, windowStart } from './register-days';
import { germanDate, joinGerman } from '../time';
import { TEAMS } from '../types';
import { TEAM_LABELS, periodLabel } from '../vocabulary';

const UNIT = 'Treffen';

/**
 * Section 4.1: "Ergänzend zur Arbeit der Multiplikatorenteams sichern regelmäßige Praxistreffen der
 * Arbeitsvermittlerinnen und Arbeitsvermittler und der Fachberaterinnen und Fachberater den
 * fachlichen Austausch innerhalb der JobAgentur EN. Sie richten sich an alle … in allen
 * Regionalstellen." One finding per month for the whole district, from the register the
 * coordination office keeps.
 *
 * - "regelmäßig" names no period. Our reading (parameters `windowMonths`, `minimumMeetings`): in the
 *   months ending with the judged one, at least `minimumMeetings` meetings per audience
 *   (placement officers, specialist advisers).
 * - "richten sich an alle … in allen Regionalstellen": a meeting counts only when every office the
 *   rule names (appliesTo) was invited; meetings that left an office out are named. Attendance is
 *   recorded and shown, not judged: the text addresses the meetings to all, it does not oblige
 *   anyone to attend.
 */
export const practiceMeetingsCheck: DistrictCheckDefinition = {
  kind: 'practice-meetings',
  unit: UNIT,
  needs: ['practice-meetings'],
  cadence: 'month',
  scope: 'district',
  params: {
    windowMonths: WINDOW_MONTHS_PARAM(6),
    minimumMeetings: { type: 'number', required: false, default: 1, integer: true, min: 1 },
  },
  evaluate(facts, params, context) {
    const month = monthBounds(context.period);
    if (!month) return insufficientData(UNIT, 'Die Praxistreffen werden je Kalendermonat beurteilt.');
    const meetings = (facts.practiceMeetings?.meetings ?? []).filter((m) => m.date <= month.to);
    const label = periodLabel(context.period!);
    if (meetings.length === 0) return insufficientData(UNIT, `Bis ${label} ist im Register der Praxistreffen kein Treffen eingetragen.`);
    if (facts.offices.length === 0) return insufficientData(UNIT, 'Es sind keine Regionalstellen bekannt, an die sich die Praxistreffen richten.');

    const windowMonths = params.number('windowMonths');
    const minimum = params.number('minimumMeetings');
    const since = windowStart(context.period!, windowMonths);
    const names = new Map(facts.offices.map((o) => [o.id, o.name]));
    const inWindow = meetings.filter((m) => m.date >= since).sort((a, b) => a.date.localeCompare(b.date));

    const audiences = TEAMS.map((audience) => {
      const held = inWindow.filter((m) => m.audience === audience);
      const judged = held.map((m) => ({
        date: m.date,
        notInvited: facts.offices.filter((o) => !m.invited.includes(o.id)).map((o) => o.id),
        attended: facts.offices.filter((o) => m.attended.includes(o.id)).length,
      }));
      const counted = judged.filter((m) => m.notInvited.length === 0).length;
      return { audience, held: held.length, counted, judged };
    });
    const measured = Math.min(...audiences.map((a) => a.counted));
    const compliant = audiences.every((a) => a.counted >= minimum);
    const span = windowMonths === 1 ? `im ${label}` : `in den ${windowMonths} Monaten bis ${label}`;
    const audienceText = (a: (typeof audiences)[number]) => {
      const partial = a.judged.filter((m) => m.notInvited.length > 0);
      const gaps = partial.map((m) => `am ${germanDate(m.date)} ohne Einladung an ${joinGerman(m.notInvited.map((id) => names.get(id) ?? id))}`);
      if (a.held === 0) return `${TEAM_LABELS[a.audience]}: kein Treffen`;
      return `${TEAM_LABELS[a.audience]}: ${a.counted} von ${a.held} Treffen an alle Regionalstellen${gaps.length ? ` (${gaps.join('; ')})` : ''}`;
    };
    const summary = audiences.map(audienceText).join('; ');
    return {
      status: compliant ? 'compliant' : 'non_compliant',
      measured,
      required: minimum,
      unit: UNIT,
      message: compliant
        ? `${capitalise(span)} fanden für beide Zielgruppen Praxistreffen statt, zu denen alle ${facts.offices.length} Regionalstellen eingeladen waren (${summary}).`
        : `${capitalise(span)} fanden nicht für beide Zielgruppen mindestens ${minimum} Praxistreffen statt, zu denen alle ${facts.offices.length} Regionalstellen eingeladen waren (${summary}). ` +
          'Die Praxistreffen sollen regelmäßig stattfinden und sich an die Arbeitsvermittlung und die Fachberatung aller Regionalstellen richten.',
      evidence: {
        windowFrom: since,
        audiences: audiences.map((a) => ({
          audience: TEAM_LABELS[a.audience],
          meetingsHeld: a.held,
          meetingsCounted: a.counted,
          meetings: a.judged.map((m) => ({ date: m.date, officesNotInvited: m.notInvited.map((id) => names.get(id) ?? id), officesAttended: m.attended })),
        })),
      },
      sources: facts.practiceMeetings?.sources ?? [],
    };
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
