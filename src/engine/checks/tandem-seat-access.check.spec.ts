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
    expect(finding.message).toBe('An den Tagen ohne eigene Öffnung (Donnerstag und Freitag) ist der Regionalstellensitz gevelsberg geöffnet.');
  });

  it('a tandem minor is not compliant when the seat is closed on one of its closed days', () => {
    const finding = access(minorThreeMornings().build(), aWeek().openWeekdays('08:00', '16:00').closed('fri').build());
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 1 });
    expect(finding.message).toBe(
      'Am Freitag sind weder die Regionalstelle noch der Regionalstellensitz gevelsberg geöffnet. An diesen Tagen muss die Regionalstelle selbst öffnen oder der Zugang über den Regionalstellensitz ermöglicht werden.',
    );
  });

  it('reports insufficient data when the seat schedule is unknown and a day needs it', () => {
    const finding = access(minorThreeMornings().build());
    expect(finding.status).toBe('insufficient_data');
    expect(finding.message).toContain('vom Regionalstellensitz gevelsberg ist kein Öffnungsplan bekannt');
  });

  it('needs no seat schedule when the smaller location is open every weekday', () => {
    expect(access(aWeek().openWeekdays('08:00', '12:00').build()).status).toBe('compliant');
  });

  it('a public holiday needs access nowhere', () => {
    const minor = minorThreeMornings().open('thu', '08:00', '12:00').holiday('fri', 'Karfreitag').build();
    const seat = aWeek().open(['mon', 'tue', 'wed', 'thu'], '08:00', '16:00').holiday('fri', 'Karfreitag').build();
    expect(access(minor, seat).status).toBe('compliant');
  });

  it('does not apply to the seat itself', () => {
    const facts = officeFacts('tandem-seat', { openingWeek: aWeek().build() });
    expect(judge(RULE, facts).status).toBe('not_applicable');
  });
});
