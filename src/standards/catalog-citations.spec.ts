import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../common/project-root';
import { loadCatalogFromDir } from './catalog.service';

/**
 * Every rule quotes its passage of Anlage 3 verbatim and whole (complete sentences), checked against
 * the text of the agreement kept beside the catalog. The text version garbles one sentence of 4.2;
 * the catalog quotes it in the order the coordination office agreed (issue 11, reading 8).
 */
const GARBLED =
  'Die Regionalstelle stellt Zeitraumes dass Unternehmen innerhalb dieses sicher. für kompetente Verfügung Ansprechpartnerinnen und Ansprechpartner Sofern zur stehen.';
const ORDERED =
  'Die Regionalstelle stellt sicher, dass Unternehmen innerhalb dieses Zeitraumes kompetente Ansprechpartnerinnen und Ansprechpartner zur Verfügung stehen. Sofern';

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const source = normalise(readFileSync(join(projectRoot(), 'config', 'anlage-3-kundenorientierte-qualitaetsstandards.txt'), 'utf8'));

describe('citations of the catalog', () => {
  it('the text of Anlage 3 holds the garbled sentence that the catalog quotes in order', () => {
    expect(source).toContain(GARBLED);
  });

  it.each(loadCatalogFromDir().rules.map((rule) => [rule.id, rule.citation.passage] as const))('%s quotes whole sentences verbatim', (_id, passage) => {
    const text = source.replace(GARBLED, ORDERED);
    const quoted = normalise(passage);
    const at = text.indexOf(quoted);
    expect({ quoted, found: at >= 0 }).toEqual({ quoted, found: true });
    // Whole: it ends a sentence and begins one (after a full stop, a bullet or a numbered heading).
    expect(quoted).toMatch(/[.!?]$/);
    expect({ quoted, before: text.slice(Math.max(0, at - 40), at) }).toEqual({ quoted, before: expect.stringMatching(/(\. |⇒ |- |\d\. [A-ZÄÖÜ][a-zäöü]+ )$/) });
  });
});

describe('standards listed, not checked', () => {
  const catalog = loadCatalogFromDir();

  it('lists the passages of 1.2 ("Fördern und Fordern"), 4.3 and 5 that no record can show, none of them a rule', () => {
    expect(catalog.notChecked.map((s) => s.section)).toEqual(['1.2', '4.3', '4.3', '4.3', '5', '5', '5']);
    expect(catalog.notChecked[0]).toMatchObject({ title: 'Fördern und Fordern', passage: expect.stringContaining('"Fördern und Fordern"') });
    const ruleTitles = new Set(catalog.rules.map((r) => r.title));
    expect(catalog.notChecked.filter((s) => ruleTitles.has(s.title))).toEqual([]);
    expect(catalog.notChecked.every((s) => s.reason.length > 40)).toBe(true);
  });

  it.each(catalog.notChecked.map((s) => [s.title, s.passage] as const))('%s quotes whole sentences verbatim', (_title, passage) => {
    const quoted = normalise(passage);
    const at = source.indexOf(quoted);
    expect({ quoted, found: at >= 0 }).toEqual({ quoted, found: true });
    expect(quoted).toMatch(/[.!?]$/);
    // Whole: it begins a paragraph (after the heading) or follows a full stop.
    const raw = readFileSync(join(projectRoot(), 'config', 'anlage-3-kundenorientierte-qualitaetsstandards.txt'), 'utf8');
    const first = quoted.split(' ').slice(0, 4).join(' ');
    expect(raw).toMatch(new RegExp(`(^|\\n|\\. )${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});
