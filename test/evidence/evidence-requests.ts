import type { TestApp } from '../support/test-app';

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The route of one kind of evidence for an office. */
export const evidencePath = (office: string, kind: 'closures' | 'hotline-coverage' | 'time-records' | 'appointment-slots' | 'contact-counts' | 'caseload-handovers') => `/api/v1/offices/${office}/${kind}`;

export function postJson(t: TestApp, path: string, token: string, body: unknown) {
  return t.http().post(path).set(auth(token)).set('Content-Type', 'application/json').send(JSON.stringify(body));
}

/** Sends the text exactly as given (BOM, separators, line breaks), as a spreadsheet export would. */
export function postCsv(t: TestApp, path: string, token: string, text: string) {
  return t.http().post(path).set(auth(token)).set('Content-Type', 'text/csv; charset=utf-8').send(text);
}

/** CSV lines joined with CRLF, as Excel writes them. */
export const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

export interface Detail {
  line: number;
  field: string;
  message: string;
}

/** The details of a 400 as "line:field" pairs, for compact assertions. */
export const where = (details: Detail[]) => details.map((d) => `${d.line}:${d.field}`);
