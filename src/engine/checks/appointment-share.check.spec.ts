import { officeFacts } from '../testing/facts.factory';
import { judge } from '../testing/judge';
import type { ContactCount } from '../types';

const RULE = 'appointments.by-arrangement';
const share = (counts: ContactCount[]) => judge(RULE, officeFacts('standalone', { contactCounts: { month: '2026-03', counts, sources: ['contact-count:1'] } }), { period: '2026-03' });

describe('work by appointment (section 2, observation)', () => {
  it('reports the share of contacts by appointment over all areas, never as a violation', () => {
    const finding = share([
      { area: 'benefits', byAppointment: 240, walkIn: 60 },
      { area: 'placement', byAppointment: 90, walkIn: 10 },
    ]);
    expect(finding).toMatchObject({ status: 'observed', obligation: 'observe', measured: 82.5, required: null, unit: '%' });
    expect(finding.message).toBe('Beobachtungswert: Im März 2026 fanden 82,5 % der Kontakte mit Termin statt (330 von 400).');
    expect(finding.evidence.areas).toEqual([
      { area: 'Leistung', byAppointment: 240, walkIn: 60, sharePercent: 80 },
      { area: 'Arbeitsvermittlung', byAppointment: 90, walkIn: 10, sharePercent: 90 },
    ]);
  });

  it('is observed also when nobody came by appointment', () => {
    expect(share([{ area: 'specialist_advice', byAppointment: 0, walkIn: 5 }])).toMatchObject({ status: 'observed', measured: 0 });
  });

  it('reports 100 % when every contact was by appointment', () => {
    expect(share([{ area: 'specialist_advice', byAppointment: 5, walkIn: 0 }]).measured).toBe(100);
  });

  it('cannot compute a share of zero contacts', () => {
    expect(share([{ area: 'benefits', byAppointment: 0, walkIn: 0 }])).toMatchObject({ status: 'insufficient_data', measured: null });
  });

  it('is insufficient data without counts for the month', () => {
    expect(share([])).toMatchObject({ status: 'insufficient_data' });
    expect(judge(RULE, officeFacts('tandem-minor'), { period: '2026-03' }).status).toBe('insufficient_data');
  });
});
