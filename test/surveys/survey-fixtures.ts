import { DateTime } from 'luxon';
import { ZONE } from '../../src/calendar';
import type { TestApp } from '../support/test-app';

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export function day(plus = 0): string {
  return DateTime.now().setZone(ZONE).plus({ days: plus }).toISODate()!;
}

/** The staff survey's rated items per field (config/surveys/mitarbeitende.yaml). */
export const STAFF_FIELDS: Record<string, string[]> = {
  aufgaben: ['aufgaben-klar', 'aufgaben-sinnvoll', 'aufgaben-menge'],
  zusammenarbeit: ['team-hilfe', 'team-schnittstellen', 'team-konflikte'],
  vorgesetzte: ['vorgesetzte-rueckmeldung', 'vorgesetzte-erreichbar', 'vorgesetzte-vertrauen'],
  bedingungen: ['bedingungen-raum', 'bedingungen-technik', 'bedingungen-sicherheit'],
  entwicklung: ['entwicklung-fortbildung', 'entwicklung-information', 'entwicklung-beteiligung'],
};

/** An answer rating every item of a field with [actual, importance]. */
export function staffAnswer(perField: Record<string, [number, number]>, comment?: string) {
  const ratings: Record<string, number> = {};
  const importance: Record<string, number> = {};
  for (const [field, [actual, imp]] of Object.entries(perField)) {
    for (const item of STAFF_FIELDS[field]) {
      ratings[item] = actual;
      importance[item] = imp;
    }
  }
  return { ratings, importance, comments: comment ? { 'gesamt-anregungen': comment } : {} };
}

export async function openStaffRound(t: TestApp, token: string, body: Record<string, unknown> = {}) {
  const res = await t
    .http()
    .post('/api/v1/surveys/rounds')
    .set(auth(token))
    .send({ questionnaireId: 'mitarbeitende', offices: ['witten', 'hattingen'], from: day(), to: day(14), codesPerOffice: 8, ...body });
  if (res.status !== 201) throw new Error(`open round: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { round: { id: string; offices: Array<{ officeId: string }> }; codes: Record<string, string[]> };
}

export async function answerWithCode(t: TestApp, code: string, answer: object) {
  return t.http().post('/api/v1/public/surveys/codes/answers').send({ code, ...answer });
}

export async function closeRound(t: TestApp, token: string, id: string) {
  await t.http().post(`/api/v1/surveys/rounds/${id}/close`).set(auth(token)).send({}).expect(200);
}
