import type { Facts, OfficeRole } from '../types';

/**
 * Facts of one office; add the week/month facts a test needs. Messages name the office
 * ('Regionalstelle Musterstadt') and a tandem minor's seat ('Regionalstellensitz Sitzstadt').
 */
export function officeFacts(role: OfficeRole, rest: Omit<Facts, 'office'> = {}, id = 'office-1', seatId?: string): Facts {
  return {
    office: { id, name: 'Musterstadt', role, ...(seatId !== undefined ? { seatId, seatName: 'Sitzstadt' } : {}) },
    ...rest,
  };
}

/**
 * Time-share facts for one month from [employerServiceMinutes, workingMinutes] pairs, or triples
 * with the jobseeker-service minutes (default: the rest of the working time).
 */
export function timeShare(month: string, officers: Array<[number, number] | [number, number, number]>, recordCount = officers.length) {
  return {
    month,
    officers: officers.map(([employerServiceMinutes, workingMinutes, jobseeker]) => ({
      employerServiceMinutes,
      jobseekerServiceMinutes: jobseeker ?? workingMinutes - employerServiceMinutes,
      workingMinutes,
    })),
    recordCount,
  };
}
