import type { Page } from 'playwright-core';
import { loadCatalogFromDir } from '../../src/standards/catalog.service';
import offices from '../../config/offices.json';

/**
 * What a person reads on a page: the rendered text (innerText: only what is displayed), the texts
 * of tooltips and labels for assistive technology (title, aria-label, placeholder, alt) and the
 * titles and descriptions of the charts. Evaluated in the page (a string, so the test needs no DOM
 * types); disclosures are opened first, so folded text is read too.
 */
const READ_PAGE = `(() => {
  for (const d of document.querySelectorAll('details')) d.open = true;
  const parts = [document.body.innerText];
  for (const e of document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
    for (const a of ['title', 'aria-label', 'placeholder', 'alt']) if (e.hasAttribute(a)) parts.push(e.getAttribute(a));
  }
  for (const e of document.querySelectorAll('svg title, svg desc, option')) parts.push(e.textContent);
  return parts.join('\\n');
})()`;

export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(READ_PAGE) as Promise<string>;
}

const catalog = loadCatalogFromDir();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (list: string[]) => new RegExp(`\\b(${list.map(escape).join('|')})\\b`);

/**
 * Codes and English that must never reach a German page (issue 13). Each pattern is built from the
 * catalog and the offices where it can be, so a new rule or parameter is guarded too.
 */
export const FORBIDDEN: Array<{ name: string; pattern: RegExp }> = [
  { name: 'UUID', pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i },
  { name: 'Regel-ID', pattern: words(catalog.rules.map((r) => r.id)) },
  { name: 'Parameter-Schlüssel', pattern: words([...new Set(catalog.rules.flatMap((r) => Object.keys(r.params)))]) },
  { name: 'Schlüssel in camelCase', pattern: /\b[a-z]+[A-Z][A-Za-z]*\b/ },
  { name: 'Code mit Unterstrich', pattern: /\b(?!opening_hours\b)[a-z]+_[a-z_]+\b/ },
  { name: 'Kennung einer Regionalstelle', pattern: new RegExp(`(?<![\\w/-])(${offices.offices.map((o) => escape(o.id)).join('|')})(?![\\w/-])`) },
  { name: 'Zeitraum-ID', pattern: /\b\d{4}-W\d{2}\b|\b\d{4}-(0[1-9]|1[0-2])\b/ },
  { name: 'ISO-Datum', pattern: /\b\d{4}-\d{2}-\d{2}\b/ },
  {
    name: 'englisches Wort',
    pattern: /\b(the|and|of|is|are|must|should|with|from|this|that|has|have|were|cannot|expected|invalid|error|failed|unknown|required|token|property|value)\b/,
  },
  { name: 'Programmierfehler', pattern: /\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/ },
];


export interface TextProblem {
  pattern: string;
  match: string;
  context: string;
}

/** The forbidden matches in a page's text, each with the words around it. */
export function problemsIn(text: string, allowed: RegExp[] = []): TextProblem[] {
  let cleaned = text;
  for (const a of allowed) cleaned = cleaned.replace(a, ' ');
  const problems: TextProblem[] = [];
  for (const { name, pattern } of FORBIDDEN) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const m of cleaned.matchAll(global)) {
      problems.push({ pattern: name, match: m[0], context: cleaned.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\s+/g, ' ') });
    }
  }
  return problems;
}
