import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { periodLabel, SECTION_TITLES, STATUS_LABELS } from './vocabulary';

describe('periodLabel', () => {
  it.each([
    ['2026-W41', 'KW 41/2026'],
    ['2026-W01', 'KW 1/2026'],
    ['2026-10', 'Oktober 2026'],
    ['2026-03', 'März 2026'],
    ['2026-H2', '2. Halbjahr 2026'],
    ['2026-Q1', '1. Quartal 2026'],
    ['regular-week', 'regelmäßige Woche'],
  ])('reads %s as %s', (id, label) => expect(periodLabel(id)).toBe(label));

  it('leaves an unknown id as it is rather than inventing a label', () => {
    expect(periodLabel('2026-13')).toBe('2026-13');
    expect(periodLabel('irgendwas')).toBe('irgendwas');
  });
});

describe('STATUS_LABELS', () => {
  it('gives every status a distinct word, so no two read alike', () => {
    const texts = Object.values(STATUS_LABELS).map((s) => s.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('SECTION_TITLES', () => {
  it('names each section as the headings of Anlage 3 do', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'config', 'anlage-3-kundenorientierte-qualitaetsstandards.txt'), 'utf8');
    for (const [section, title] of Object.entries(SECTION_TITLES)) {
      expect({ section, found: new RegExp(`^${section.replace('.', '\\.')}\\.? ${title}$`, 'm').test(text) }).toEqual({ section, found: true });
    }
  });
});
