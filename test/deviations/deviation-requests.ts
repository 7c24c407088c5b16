import { TokenService } from '../../src/auth/token.service';
import type { TestApp } from '../support/test-app';

/** A valid proposal: a stricter weekly minimum of 25 h for Witten in the summer of 2027. */
export const aProposal = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  officeId: 'witten',
  ruleId: 'opening.weekly-minimum',
  validFrom: '2027-07-01',
  validUntil: '2027-08-31',
  kind: 'parameters',
  params: { minimumHours: 25 },
  reason: 'Erprobung längerer Öffnungszeiten',
  ...over,
});

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export interface Caller {
  id: string;
  token: string;
}

/** A fresh token with its id, so tests can check who appears in the history. */
export async function caller(t: TestApp, role: 'coordination' | 'regional', offices: string[] = []): Promise<Caller> {
  return t.app.get(TokenService).create(role, offices);
}

type Day = Array<{ from: string; to: string }>;
const day = (...pairs: string[]): Day => pairs.map((p) => ({ from: p.split('-')[0], to: p.split('-')[1] }));

/** Mornings Mon–Fri 08:00–11:36 and Thursday 14:00–18:00: 22 h, above the standard's 21,5 h; every other standard met. */
export const WEEK_22H = { mon: day('08:00-11:36'), tue: day('08:00-11:36'), wed: day('08:00-11:36'), thu: day('08:00-11:36', '14:00-18:00'), fri: day('08:00-11:36') };
/** Mornings Mon–Fri 08:00–11:12 and Thursday 14:00–18:00: 20 h, below the standard; every other standard met. */
export const WEEK_20H = { mon: day('08:00-11:12'), tue: day('08:00-11:12'), wed: day('08:00-11:12'), thu: day('08:00-11:12', '14:00-18:00'), fri: day('08:00-11:12') };

export interface WeeklyMinimumFinding {
  status: string;
  measured: number;
  required: number;
  message: string;
  deviation?: { id: string; kind: string; params?: Record<string, unknown>; reason: string };
  standard?: { required: number; params: Record<string, unknown>; status: string };
}

/** The schedule pre-check of a week from a date: the weekly-minimum finding and the pending proposals. */
export async function preCheck(t: TestApp, token: string, officeId: string, validFrom: string, week: object = WEEK_22H, validUntil: string | null = null) {
  const res = await t.http().post('/api/v1/schedules/check').set(auth(token)).send({ officeId, validFrom, validUntil, week }).expect(200);
  const weekly = res.body.findings.find((f: { ruleId: string }) => f.ruleId === 'opening.weekly-minimum') as WeeklyMinimumFinding;
  return { weekly, pending: res.body.pendingDeviations as Array<{ id: string }>, compliant: res.body.compliant as boolean };
}
