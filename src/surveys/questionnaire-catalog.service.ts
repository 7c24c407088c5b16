import { Injectable } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../common/project-root';
import { DomainError } from '../common/domain-error';
import type { Questionnaire } from './questionnaire';
import { QuestionnaireError } from './questionnaire.error';
import { parseQuestionnaireFiles } from './questionnaire.parser';

export const surveysDir = () => process.env.SURVEYS_DIR || join(projectRoot(), 'config', 'surveys');

/**
 * Reads every YAML file of config/surveys (like the standards catalog): a broken file throws a
 * QuestionnaireError naming file, item and field, and the service refuses to start (main.ts).
 */
export function loadQuestionnairesFromDir(dir = surveysDir()): Questionnaire[] {
  if (!existsSync(dir)) throw new QuestionnaireError(dir, 'der Ordner der Fragebögen fehlt');
  const names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  return parseQuestionnaireFiles(names.map((name) => ({ name: join(dir, name), text: readFileSync(join(dir, name), 'utf8') })));
}

/**
 * main.ts checks the questionnaires before the data folder is touched; what it parsed is handed to
 * the QuestionnaireCatalog that follows in the same process (as the standards catalog does,
 * checkCatalogAtStart), instead of parsing every file a second time at start-up. Taken once, and only
 * for the same folder.
 */
let checkedAtStart: { dir: string; questionnaires: Questionnaire[] } | undefined;

/** loadQuestionnairesFromDir for main.ts: throws on a broken questionnaire and keeps the parsed ones for the service. */
export function checkQuestionnairesAtStart(dir = surveysDir()): void {
  checkedAtStart = { dir, questionnaires: loadQuestionnairesFromDir(dir) };
}

function takeCheckedAtStart(dir: string): Questionnaire[] | undefined {
  const checked = checkedAtStart;
  checkedAtStart = undefined;
  return checked?.dir === dir ? checked.questionnaires : undefined;
}

/** The questionnaires in force, parsed once at start-up. A round keeps its own snapshot. */
@Injectable()
export class QuestionnaireCatalog {
  readonly all: readonly Questionnaire[] = takeCheckedAtStart(surveysDir()) ?? loadQuestionnairesFromDir();

  get(id: string): Questionnaire {
    const found = this.all.find((q) => q.id === id);
    if (!found) throw DomainError.notFound(`Einen Fragebogen „${id}“ gibt es nicht.`);
    return found;
  }
}
