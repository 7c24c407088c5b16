import type { Facts, OfficeRole } from '../types';

/** Facts of one office; add the week/month facts a test needs. */
export function officeFacts(role: OfficeRole, rest: Omit<Facts, 'office'> = {}, id = 'office-1', seatId?: string): Facts {
  return { office: { id, role, ...(seatId !== undefined ? { seatId } : {}) }, ...rest };
}

/** Time-share facts for one month from [employerServiceMinutes, workingMinutes] pairs. */
export function timeShare(month: string, officers: Array<[number, number]>, recordCount = officers.length) {
  return {
    month,
    officers: officers.map(([employerServiceMinutes, workingMinutes]) => ({ employerServiceMinutes, workingMinutes })),
    recordCount,
  };
}
