import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QuestionnaireError } from './questionnaire.error';
import { parseQuestionnaire, parseQuestionnaireFiles } from './questionnaire.parser';
import { ratingItems } from './questionnaire';

const FILE = 'config/surveys/test.yaml';
const SHIPPED = join(__dirname, '..', '..', 'config', 'surveys');

const valid = (fields = defaultFields) => `id: test
version: '1'
title: Test
audience: staff
intro: Bitte antworten.
scales:
  z: { labels: [nein, eher nein, teils, eher ja, ja] }
  w: { labels: [unwichtig, eher unwichtig, mittel, wichtig, sehr wichtig] }
  drei: { labels: [schlecht, mittel, gut] }
importanceScale: w
fields:
${fields}`;

const defaultFields = `  - id: a
    title: Feld A
    items:
      - { id: a-1, text: Frage eins, scale: z, importance: true }
      - { id: a-2, text: Frage zwei, scale: z }
      - { id: a-frei, type: text, text: Anregungen }
`;

function problem(text: string): string {
  try {
    parseQuestionnaire(text, FILE);
  } catch (err) {
    expect(err).toBeInstanceOf(QuestionnaireError);
    return (err as Error).message;
  }
  throw new Error('expected a QuestionnaireError');
}

describe('questionnaire parser', () => {
  it('reads fields, rating items with their importance twin and free-text items', () => {
    const q = parseQuestionnaire(valid(), FILE);
    expect(q).toMatchObject({ id: 'test', version: '1', audience: 'staff', importanceScale: 'w', example: null, citation: null });
    expect(q.fields[0].items).toEqual([
      { kind: 'rating', id: 'a-1', text: 'Frage eins', scale: 'z', importance: { text: 'Wie wichtig ist Ihnen das?' } },
      { kind: 'rating', id: 'a-2', text: 'Frage zwei', scale: 'z', importance: null },
      { kind: 'text', id: 'a-frei', text: 'Anregungen', maxLength: 1000 },
    ]);
  });

  it.each([
    ['an unknown key of an item', valid(defaultFields.replace('scale: z, importance: true', 'scale: z, weight: 2')), 'config/surveys/test.yaml: Frage „a-1“: weight: unbekannter Schlüssel'],
    ['an unknown scale', valid(defaultFields.replace('text: Frage zwei, scale: z', 'text: Frage zwei, scale: x')), 'Frage „a-2“: scale: unbekannte Skala (vorhanden: z, w, drei)'],
    ['an item without text', valid(defaultFields.replace('text: Frage zwei, ', '')), 'Frage „a-2“: text: erwartet den Fragetext'],
    ['a duplicate item id in another field', valid(defaultFields + `  - id: b\n    title: B\n    items:\n      - { id: a-1, text: X, scale: z }\n`), 'Frage „a-1“: id: doppelte Kennung einer Frage'],
    ['a duplicate field id', valid(defaultFields + `  - id: a\n    title: B\n    items:\n      - { id: b-1, text: X, scale: z }\n`), 'Themenfeld „a“: id: doppelte Kennung eines Themenfelds'],
    ['an importance twin on a scale of another length', valid(defaultFields.replace('text: Frage zwei, scale: z', 'text: Frage zwei, scale: drei, importance: true')), 'Frage „a-2“: importance: die Skala „drei“ hat 3 Stufen'],
    ['a free-text item with a scale', valid(defaultFields.replace('type: text, text: Anregungen', 'type: text, text: Anregungen, scale: z')), 'Frage „a-frei“: scale: eine Freitextfrage hat keine Skala'],
    ['a free-text limit beyond 2000', valid(defaultFields.replace('type: text, text: Anregungen', 'type: text, text: Anregungen, maxLength: 5000')), 'Frage „a-frei“: maxLength: erwartet eine ganze Zahl von 1 bis 2000'],
    ['an unknown audience', valid().replace('audience: staff', 'audience: everyone'), 'test.yaml: audience: erwartet eine der Zielgruppen staff, customers, employers'],
    ['a field without items', valid('  - id: a\n    title: A\n    items: []\n'), 'Themenfeld „a“: items: erwartet eine nicht leere Liste'],
    ['only free text', valid('  - id: a\n    title: A\n    items:\n      - { id: a-1, type: text, text: T }\n'), 'fields: erwartet mindestens eine Frage mit Bewertungsskala'],
    ['a scale with one label', valid().replace('drei: { labels: [schlecht, mittel, gut] }', 'drei: { labels: [gut] }'), 'scales.drei.labels: erwartet 2 bis 10 Beschriftungen'],
    ['a numeric version', valid().replace("version: '1'", 'version: 1'), 'version: erwartet eine Versionsangabe als Text'],
    ['broken YAML', 'id: [', 'kein gültiges YAML'],
  ])('refuses %s and names file, item and field', (_label, text, expected) => {
    const message = problem(text);
    expect(message).toContain(expected);
    expect(message.startsWith(FILE)).toBe(true);
  });

  it('refuses two files with the same questionnaire id and names both', () => {
    expect(() => parseQuestionnaireFiles([{ name: 'a.yaml', text: valid() }, { name: 'b.yaml', text: valid() }])).toThrow('b.yaml: id: die Kennung „test“ gibt es schon in a.yaml');
  });

  describe('the shipped questionnaires', () => {
    const files = readdirSync(SHIPPED).filter((n) => n.endsWith('.yaml')).sort().map((name) => ({ name, text: readFileSync(join(SHIPPED, name), 'utf8') }));
    const all = parseQuestionnaireFiles(files);
    const byId = new Map(all.map((q) => [q.id, q]));

    it('are a staff survey, a customer survey and the self-assessment example', () => {
      expect([...byId.keys()].sort()).toEqual(['kundinnen-und-kunden', 'mitarbeitende', 'selbstbewertung-beispiel']);
      expect(byId.get('mitarbeitende')!.audience).toBe('staff');
      expect(byId.get('kundinnen-und-kunden')!.audience).toBe('customers');
    });

    it('the self-assessment covers the five fields, is marked as an example and compares importance with reality', () => {
      const q = byId.get('selbstbewertung-beispiel')!;
      expect(q.fields.map((f) => f.title)).toEqual(['Führung', 'Strategie', 'Personal', 'Ressourcen', 'Prozesse']);
      expect(q.example?.note).toMatch(/Beispiel.*ersetzen/s);
      for (const field of q.fields) expect(ratingItems({ fields: [field] }).length).toBeGreaterThanOrEqual(3);
      expect(ratingItems(q).every((i) => i.importance)).toBe(true);
    });

    it('the customer survey is short enough for the counter', () => {
      expect(ratingItems(byId.get('kundinnen-und-kunden')!).length).toBeLessThanOrEqual(8);
    });
  });
});
