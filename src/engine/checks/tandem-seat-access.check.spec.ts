import { aWeek } from '../testing/week.factory';
import { officeFacts } from '../testing/facts.factory';
import { judge } from '../testing/judge';
import type { OpeningWeekFacts } from '../types';

const RULE = 'tandem.seat-access';
const access = (openingWeek: OpeningWeekFacts, seatOpeningWeek?: OpeningWeekFacts) =>
  judge(RULE, officeFacts('tandem-minor', { openingWeek, ...(seatOpeningWeek ? { seatOpeningWeek } : {}) }, 'sprockhoevel', 'gevelsberg'));

const minorThreeMornings = () => aWeek().open(['mon', 'tue', 'wed'], '08:00', '12:00');

describe('access via the seat on days the smaller tandem location is closed (section 2)', () => {
  it('a tandem minor closed on Thursday and Friday is compliant when the seat is open then', () => {
    const finding = access(minorThreeMornings().sources('minor-v1').build(), aWeek().openWeekdays('08:00', '16:00').sources('seat-v2').build());
    expect(finding).toMatchObject({ status: 'compliant', measured: 0, required: 0, unit: 'Tage', sources: ['minor-v1', 'seat-v2'] });
    expect(finding.message).toBe('An den Tagen ohne eigene Öffnung (Donnerstag und Freitag) ist der Regionalstellensitz Sitzstadt geöffnet.');
  });

  it('a tandem minor is not compliant when the seat is closed on one of its closed days', () => {
    const finding = access(minorThreeMornings().build(), aWeek().openWeekdays('08:00', '16:00').closed('fri').build());
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 1 });
    expect(finding.message).toBe(
      'Am Freitag sind weder die Regionalstelle noch der Regionalstellensitz Sitzstadt geöffnet. An diesen Tagen muss die Regionalstelle selbst öffnen oder der Zugang über den Regionalstellensitz ermöglicht werden.',
    );
  });

  it('reports insufficient data when the seat schedule is unknown and a day needs it', () => {
    const finding = access(minorThreeMornings().build());
    expect(finding.status).toBe('insufficient_data');
    expect(finding.message).toContain('vom Regionalstellensitz Sitzstadt ist kein Öffnungsplan bekannt');
  });

  it('needs no seat schedule when the smaller location is open every weekday', () => {
    expect(access(aWeek().openWeekdays('08:00', '12:00').build()).status).toBe('compliant');
  });

  it("a tandem minor's morning on Good Friday counts as open: no access via the seat is needed that day (2026-W14)", () => {
    // Mon, Wed, Fri 08:30–12:00 at the minor; the seat opens Tue and Thu. Good Friday (3 April 2026)
    // is credited with the minor's scheduled morning, so the week is judged like its regular week.
    const minor = aWeek().startingOn('2026-03-30').open(['mon', 'wed', 'fri'], '08:30', '12:00').holiday('fri', 'Karfreitag').build();
    const seat = aWeek().startingOn('2026-03-30').open(['tue', 'thu'], '08:00', '12:00').holiday('fri', 'Karfreitag').build();
    const finding = access(minor, seat);
    expect(finding).toMatchObject({ status: 'compliant', measured: 0 });
    expect(finding.evidence.closedDays).toEqual(['tue', 'thu']);
  });

  it('a holiday on a day both keep closed by schedule is still a day without access', () => {
    const minor = aWeek().open(['mon', 'wed', 'fri'], '08:30', '12:00').holiday('tue', 'Feiertag').build();
    const seat = aWeek().open(['wed', 'thu'], '08:00', '12:00').holiday('tue', 'Feiertag').build();
    expect(access(minor, seat)).toMatchObject({ status: 'non_compliant', measured: 1 });
  });

  it('does not apply to the seat itself', () => {
    const facts = officeFacts('tandem-seat', { openingWeek: aWeek().build() });
    expect(judge(RULE, facts).status).toBe('not_applicable');
  });
});
