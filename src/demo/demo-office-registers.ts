import type { DateTime } from 'luxon';
import { publicHolidaysNrw, ZONE } from '../calendar';

/**
 * Demo rows for the office registers of issue 15, relative to today: the previous two months and
 * the current one up to yesterday, so that every new rule shows a verdict on first start. Every
 * office offers appointments outside its opening hours (18:00, after the latest closing time of the
 * demo schedules) in all three areas, except Herdecke, which offers Fachberatung only during its
 * opening (non-compliant). Contact counts and handovers are plausible monthly figures.
 */
export interface DemoOfficeRegisters {
  officeId: string;
  appointmentSlots: Array<{ date: string; from: string; to: string; area: string }>;
  contactCounts: Array<{ month: string; area: string; byAppointment: number; walkIn: number }>;
  caseloadHandovers: Array<{ month: string; caseloadSize: number; changes: number }>;
}

const OFFICES = ['witten', 'hattingen', 'herdecke', 'wetter', 'schwelm', 'ennepetal', 'gevelsberg', 'breckerfeld', 'sprockhoevel'];
const AREAS = ['benefits', 'placement', 'specialist_advice'] as const;
/** Cases per office (a smaller location has fewer). */
const CASELOAD: Record<string, number> = { witten: 1400, hattingen: 1100, herdecke: 600, wetter: 550, schwelm: 900, ennepetal: 800, gevelsberg: 950, breckerfeld: 250, sprockhoevel: 300 };

export function demoOfficeRegisters(today: DateTime): DemoOfficeRegisters[] {
  const local = today.setZone(ZONE);
  const yesterday = local.startOf('day').minus({ days: 1 });
  const months = [2, 1, 0].map((back) => local.startOf('month').minus({ months: back })).filter((m) => m <= yesterday);
  return OFFICES.map((officeId, o) => {
    const appointmentSlots: DemoOfficeRegisters['appointmentSlots'] = [];
    const contactCounts: DemoOfficeRegisters['contactCounts'] = [];
    const caseloadHandovers: DemoOfficeRegisters['caseloadHandovers'] = [];
    months.forEach((first, m) => {
      const month = first.toFormat('yyyy-MM');
      const workdays: string[] = [];
      /** Monday to Thursday: Herdecke is open every morning then (closed on Fridays). */
      const mondayToThursday: string[] = [];
      for (let d = first; d <= yesterday && d.month === first.month; d = d.plus({ days: 1 })) {
        if (d.weekday <= 5 && !publicHolidaysNrw(d.year).has(d.toISODate()!)) workdays.push(d.toISODate()!);
        if (d.weekday <= 4 && !publicHolidaysNrw(d.year).has(d.toISODate()!)) mondayToThursday.push(d.toISODate()!);
      }
      AREAS.forEach((area, a) => {
        if (workdays.length === 0) return;
        const date = workdays[Math.min(a * 3, workdays.length - 1)];
        // Herdecke's Fachberatung is only offered during its morning opening (Monday to Thursday).
        if (officeId === 'herdecke' && area === 'specialist_advice') {
          if (mondayToThursday.length) appointmentSlots.push({ date: mondayToThursday[0], from: '10:00', to: '10:30', area });
        } else {
          appointmentSlots.push({ date, from: '18:00', to: '18:30', area });
        }
        // A slot during the morning opening besides (Monday to Thursday: every demo office but Wetter is open then).
        if (mondayToThursday.length) appointmentSlots.push({ date: mondayToThursday[mondayToThursday.length - 1], from: '10:30', to: '11:00', area });
        const contacts = 120 + 15 * o + 10 * m + 20 * a;
        const byAppointment = Math.round(contacts * (0.6 + 0.05 * ((o + a) % 5)));
        contactCounts.push({ month, area, byAppointment, walkIn: contacts - byAppointment });
      });
      caseloadHandovers.push({ month, caseloadSize: CASELOAD[officeId], changes: 3 + ((o * 7 + m * 5) % 11) });
    });
    return { officeId, appointmentSlots, contactCounts, caseloadHandovers };
  });
}
