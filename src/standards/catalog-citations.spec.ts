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
