import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QuestionnaireError } from '../../src/surveys/questionnaire.error';
import { loadQuestionnairesFromDir } from '../../src/surveys/questionnaire-catalog.service';
import { startTestApp } from '../support/test-app';

const BROKEN = `id: kaputt
version: '1'
title: Kaputt
audience: staff
intro: Test
scales:
  z: { labels: [nein, ja] }
fields:
  - id: feld
    title: Feld
    items:
      - { id: frage-eins, text: Eins, scale: gibt-es-nicht }
`;

describe('loading config/surveys', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'surveys-'));
    writeFileSync(join(dir, 'kaputt.yaml'), BROKEN);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the shipped questionnaires', () => {
    expect(loadQuestionnairesFromDir().map((q) => q.id).sort()).toEqual(['kundinnen-und-kunden', 'mitarbeitende', 'selbstbewertung-beispiel']);
  });

  it('names file, item and field of a broken questionnaire', () => {
    expect(() => loadQuestionnairesFromDir(dir)).toThrow(QuestionnaireError);
    expect(() => loadQuestionnairesFromDir(dir)).toThrow(`${join(dir, 'kaputt.yaml')}: Frage „frage-eins“: scale: unbekannte Skala (vorhanden: z)`);
    expect(() => loadQuestionnairesFromDir(join(dir, 'fehlt'))).toThrow('der Ordner der Fragebögen fehlt');
  });

  it('keeps the service from starting', async () => {
    const before = process.env.SURVEYS_DIR;
    process.env.SURVEYS_DIR = dir;
    try {
      await expect(startTestApp()).rejects.toThrow(/kaputt\.yaml: Frage „frage-eins“: scale/);
    } finally {
      if (before === undefined) delete process.env.SURVEYS_DIR;
      else process.env.SURVEYS_DIR = before;
    }
  });
});
