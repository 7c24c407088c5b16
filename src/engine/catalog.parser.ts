import { parseDocument } from 'yaml';
import { CatalogError } from './catalog.error';
import type { CatalogVersionSource } from './catalog-versions';
import { CHECKS } from './checks/check-registry';
import { ParamReader } from './params/param-reader';
import { paramValueProblem, paramValueProblemDe } from './params/param-schema';
import type { Catalog, CheckKind, Citation, NotCheckedStandard, ParamSpec, Rule } from './types';
import { CHECK_KINDS, OBLIGATIONS, OFFICE_ROLES } from './types';
import type { Obligation, OfficeRole } from './types';

export interface CatalogFile {
  name: string;
  text: string;
}

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RULE_KEYS = ['id', 'title', 'shortTitle', 'citation', 'obligation', 'appliesTo', 'check', 'params', 'opensAction'];
/** Narrow matrix headers: longer short titles would break mid-word again. */
const SHORT_TITLE_MAX = 24;

/** A complete catalog in one YAML file: `version`, `validFrom` and `rules`. */
export function parseCatalog(yamlText: string, fileName: string): Catalog {
  const file = readFile({ name: fileName, text: yamlText });
  if (file.ruleFiles) fail(fileName, 'ruleFiles: a catalog split across files must be read with parseCatalogFiles');
  const header = requireHeader(file, fileName);
  const rules = file.rules ?? fail(fileName, 'rules: missing');
  assertUniqueIds(rules.map((rule) => ({ rule, fileName })));
  return { ...header, rules, notChecked: file.notChecked ?? [] };
}

/**
 * A catalog split across files (config/standards): one header file (`catalog.yaml`) with
 * `version`, `validFrom` and `ruleFiles` naming the rule files in the order findings should
 * appear, and rule files holding `rules:`. A listed file that is missing or a rule file that is
 * not listed is an error, so no standard is dropped or added silently. `notCheckedFiles` names the
 * files that list standards the service cannot judge from records (`notChecked:`), likewise checked.
 */
export function parseCatalogFiles(files: readonly CatalogFile[]): Catalog {
  return parseCatalogVersion(files).catalog;
}

/** parseCatalogFiles, keeping where each rule came from (the header file, and the file of each rule). */
export function parseCatalogVersion(files: readonly CatalogFile[]): CatalogVersionSource {
  const parsed = files.map((file) => ({ name: file.name, content: readFile(file) }));
  const headers = parsed.filter((file) => file.content.version !== undefined || file.content.ruleFiles !== undefined);
  if (headers.length !== 1) {
    fail(
      files.map((f) => f.name).join(', ') || '(no files)',
      `expected exactly one header file with version, validFrom and ruleFiles, found ${headers.length}`,
    );
  }
  const headerFile = headers[0];
  const header = requireHeader(headerFile.content, headerFile.name);
  const order = headerFile.content.ruleFiles ?? fail(headerFile.name, 'ruleFiles: missing');

  const notCheckedOrder = headerFile.content.notCheckedFiles ?? [];
  const byBaseName = new Map(parsed.filter((f) => f !== headerFile).map((f) => [baseName(f.name), f]));
  for (const listed of order) {
    if (!byBaseName.has(listed)) fail(headerFile.name, `ruleFiles: listed file "${listed}" was not provided`);
  }
  for (const listed of notCheckedOrder) {
    if (!byBaseName.has(listed)) fail(headerFile.name, `notCheckedFiles: listed file "${listed}" was not provided`);
    if (order.includes(listed)) fail(headerFile.name, `notCheckedFiles: file "${listed}" is listed in ruleFiles too`);
  }
  for (const name of byBaseName.keys()) {
    if (!order.includes(name) && !notCheckedOrder.includes(name)) fail(headerFile.name, `ruleFiles: file "${name}" is not listed`);
  }
  for (const listed of notCheckedOrder) {
    const file = byBaseName.get(listed)!;
    if (file.content.rules !== undefined) fail(file.name, 'rules: a file of standards not checked holds no rules (list it in ruleFiles instead)');
    if (file.content.notChecked === undefined) fail(file.name, 'notChecked: missing');
  }

  const rules = [
    ...(headerFile.content.rules ?? []).map((rule) => ({ rule, fileName: headerFile.name })),
    ...order.flatMap((listed) => {
      const file = byBaseName.get(listed)!;
      return (file.content.rules ?? fail(file.name, 'rules: missing')).map((rule) => ({ rule, fileName: file.name }));
    }),
  ];
  assertUniqueIds(rules);
  const notChecked = [headerFile, ...notCheckedOrder.map((listed) => byBaseName.get(listed)!)].flatMap((file) => file.content.notChecked ?? []);
  return {
    catalog: { ...header, rules: rules.map((r) => r.rule), notChecked },
    headerFile: headerFile.name,
    ruleFiles: Object.fromEntries(rules.map((r) => [r.rule.id, r.fileName])),
  };
}

/**
 * German problems with a parameter override (a deviation agreed under section 6): a parameter the
 * rule's check does not have, a value of the wrong type, or values that contradict each other
 * once merged with the rule's own parameters. Empty when the override is fine.
 */
export function validateParamOverride(rule: Rule, params: Record<string, unknown>): string[] {
  return paramOverrideProblems(rule, params).map((problem) => problem.message);
}

/** One problem with a parameter override; `param` is null when it concerns the values together. */
export interface ParamOverrideProblem {
  param: string | null;
  message: string;
}

/** The problems of validateParamOverride, each with the parameter it concerns (for field paths). */
export function paramOverrideProblems(rule: Rule, params: Record<string, unknown>): ParamOverrideProblem[] {
  const check = CHECKS[rule.check];
  const problems: ParamOverrideProblem[] = [];
  for (const [name, value] of Object.entries(params)) {
    // Own properties only: 'constructor' or 'toString' are not parameters of any rule.
    const definition = Object.hasOwn(check.params, name) ? check.params[name] : undefined;
    if (!definition) {
      const known = Object.keys(check.params);
      problems.push({
        param: name,
        message:
          `Die Regel ${rule.id} hat keinen Parameter „${name}“` +
          (known.length ? ` (vorhanden: ${known.join(', ')}).` : ' (sie hat keine Parameter).'),
      });
      continue;
    }
    const problem = paramValueProblemDe(definition, value);
    if (problem) problems.push({ param: name, message: `Parameter „${name}“ der Regel ${rule.id}: ${problem}.` });
  }
  if (problems.length > 0) return problems;
  const merged = applyParamOverride(rule, params as Record<string, ParamSpec['value']>);
  return (check.validate?.(new ParamReader(check.params, merged.params)) ?? []).map((problem) => ({
    param: null,
    message: `Regel ${rule.id}: ${problem}.`,
  }));
}

/** The rule with the overridden values; an override keeps label and unit, drops the interpretation note. */
export function applyParamOverride(rule: Rule, params: Record<string, ParamSpec['value']>): Rule {
  const overridden = Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      const { label, unit } = rule.params[name] ?? { label: name };
      return [name, { value, label, ...(unit !== undefined ? { unit } : {}) }];
    }),
  );
  return { ...rule, params: { ...rule.params, ...overridden } };
}

/** Parameter names a check kind understands, e.g. for forms that offer a deviation. */
export function ruleParamNames(kind: CheckKind): string[] {
  return Object.keys(CHECKS[kind].params);
}

// ---- reading one file ----

interface CatalogFileContent {
  version?: string;
  validFrom?: string;
  validUntil?: string;
  actionDueWeeks?: Catalog['actionDueWeeks'];
  ruleFiles?: string[];
  notCheckedFiles?: string[];
  rules?: Rule[];
  notChecked?: NotCheckedStandard[];
}

function readFile(file: CatalogFile): CatalogFileContent {
  const doc = parseDocument(file.text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = error.linePos?.[0].line;
    fail(file.name, `invalid YAML${line ? ` (line ${line})` : ''}: ${error.message.split('\n')[0]}`);
  }
  const data: unknown = doc.toJS();
  if (!isRecord(data)) fail(file.name, 'expected a mapping with version/validFrom/ruleFiles or rules');
  rejectUnknownKeys(data, ['version', 'validFrom', 'validUntil', 'actionDueWeeks', 'ruleFiles', 'notCheckedFiles', 'rules', 'notChecked'], (key) => fail(file.name, `${key}: unknown key`));

  const content: CatalogFileContent = {};
  if (data.version !== undefined) content.version = nonEmptyString(data.version, () => fail(file.name, 'version: expected a non-empty string (quote it)'));
  if (data.validFrom !== undefined) {
    if (typeof data.validFrom !== 'string' || !isDate(data.validFrom)) fail(file.name, 'validFrom: expected a date YYYY-MM-DD');
    content.validFrom = data.validFrom;
  }
  if (data.validUntil !== undefined) {
    if (typeof data.validUntil !== 'string' || !isDate(data.validUntil)) fail(file.name, 'validUntil: expected a date YYYY-MM-DD');
    content.validUntil = data.validUntil;
  }
  if (data.actionDueWeeks !== undefined) content.actionDueWeeks = readDueWeeks(data.actionDueWeeks, file.name);
  if (data.ruleFiles !== undefined) {
    if (!Array.isArray(data.ruleFiles) || !data.ruleFiles.every((f) => typeof f === 'string' && f !== '')) {
      fail(file.name, 'ruleFiles: expected a list of file names');
    }
    content.ruleFiles = data.ruleFiles as string[];
  }
  if (data.notCheckedFiles !== undefined) {
    if (!Array.isArray(data.notCheckedFiles) || !data.notCheckedFiles.every((f) => typeof f === 'string' && f !== '')) {
      fail(file.name, 'notCheckedFiles: expected a list of file names');
    }
    content.notCheckedFiles = data.notCheckedFiles as string[];
  }
  if (data.notChecked !== undefined) {
    if (!Array.isArray(data.notChecked)) fail(file.name, 'notChecked: expected a list');
    content.notChecked = data.notChecked.map((raw, index) => readNotChecked(raw, index, file.name));
  }
  if (data.rules !== undefined) {
    if (!Array.isArray(data.rules)) fail(file.name, 'rules: expected a list');
    content.rules = data.rules.map((raw, index) => readRule(raw, index, file.name));
  }
  return content;
}

function requireHeader(content: CatalogFileContent, fileName: string): Pick<Catalog, 'version' | 'validFrom' | 'validUntil' | 'actionDueWeeks'> {
  if (content.version === undefined) fail(fileName, 'version: missing');
  if (content.validFrom === undefined) fail(fileName, 'validFrom: missing');
  if (content.actionDueWeeks === undefined) fail(fileName, 'actionDueWeeks: missing (weeks to the due date of a corrective action per obligation)');
  if (content.validUntil !== undefined && content.validUntil < content.validFrom) fail(fileName, 'validUntil: before validFrom');
  return {
    version: content.version,
    validFrom: content.validFrom,
    ...(content.validUntil !== undefined ? { validUntil: content.validUntil } : {}),
    actionDueWeeks: content.actionDueWeeks,
  };
}

/** `actionDueWeeks: { must: 4, should: 8, aim: 12, observe: 12 }`: every obligation, whole weeks 1–104. */
function readDueWeeks(raw: unknown, fileName: string): Catalog['actionDueWeeks'] {
  if (!isRecord(raw)) fail(fileName, 'actionDueWeeks: expected a mapping of obligation to weeks');
  rejectUnknownKeys(raw, [...OBLIGATIONS], (key) => fail(fileName, `actionDueWeeks.${key}: unknown obligation`));
  const weeks = {} as Catalog['actionDueWeeks'];
  for (const obligation of OBLIGATIONS) {
    const value = raw[obligation];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 104) {
      fail(fileName, `actionDueWeeks.${obligation}: expected a whole number of weeks between 1 and 104`);
    }
    weeks[obligation] = value;
  }
  return weeks;
}

function readRule(raw: unknown, index: number, fileName: string): Rule {
  if (!isRecord(raw)) fail(fileName, `rules[${index}]: expected a mapping`);
  const id = typeof raw.id === 'string' ? raw.id : undefined;
  const where = id ?? `#${index + 1}`;
  const bad = (field: string, problem: string): never => {
    throw new CatalogError(fileName, problem, where, field);
  };
  if (id === undefined) bad('id', 'expected a string');
  if (!RULE_ID.test(id!)) bad('id', 'expected dotted lower-case words, e.g. "opening.weekly-minimum"');
  rejectUnknownKeys(raw, RULE_KEYS, (key) => bad(key, 'unknown field'));

  const title = nonEmptyString(raw.title, () => bad('title', 'expected a non-empty string'));
  const shortTitle = nonEmptyString(raw.shortTitle, () => bad('shortTitle', 'expected a non-empty string (a few words for matrix headers)'));
  if (shortTitle.length > SHORT_TITLE_MAX) bad('shortTitle', `expected at most ${SHORT_TITLE_MAX} characters`);
  const citation = readCitation(raw.citation, bad);

  if (!OBLIGATIONS.includes(raw.obligation as Obligation)) bad('obligation', `expected one of ${OBLIGATIONS.join(', ')}`);
  const obligation = raw.obligation as Obligation;

  if (!Array.isArray(raw.appliesTo) || raw.appliesTo.length === 0) bad('appliesTo', 'expected a non-empty list of office roles');
  const appliesTo = raw.appliesTo as unknown[];
  appliesTo.forEach((role, i) => {
    if (!OFFICE_ROLES.includes(role as OfficeRole)) bad(`appliesTo[${i}]`, `expected one of ${OFFICE_ROLES.join(', ')}`);
  });
  if (new Set(appliesTo).size !== appliesTo.length) bad('appliesTo', 'a role is listed twice');

  if (!CHECK_KINDS.includes(raw.check as CheckKind)) bad('check', `unknown check kind, expected one of ${CHECK_KINDS.join(', ')}`);
  const check = raw.check as CheckKind;
  const params = readParams(raw.params, check, bad);
  if (raw.opensAction !== undefined && typeof raw.opensAction !== 'boolean') bad('opensAction', 'expected true or false');
  // Section 6 / the improvement cycle: binding rules (must, should) open corrective actions by default.
  const opensAction = (raw.opensAction as boolean | undefined) ?? (obligation === 'must' || obligation === 'should');

  return { id: id!, title, shortTitle, citation, obligation, appliesTo: appliesTo as OfficeRole[], check, params, opensAction };
}

/** `{ section, title, passage, reason }`: a standard of Anlage 3 listed, not checked. */
function readNotChecked(raw: unknown, index: number, fileName: string): NotCheckedStandard {
  const where = `notChecked[${index}]`;
  if (!isRecord(raw)) fail(fileName, `${where}: expected a mapping with section, title, passage and reason`);
  rejectUnknownKeys(raw, ['section', 'title', 'passage', 'reason'], (key) => fail(fileName, `${where}.${key}: unknown field`));
  const text = (field: string, hint: string) => nonEmptyString(raw[field], () => fail(fileName, `${where}.${field}: ${hint}`));
  return {
    section: text('section', "expected a string, e.g. '4.3' (quoted)"),
    title: text('title', 'expected a German title'),
    passage: text('passage', 'expected the quoted sentence(s) of Anlage 3'),
    reason: text('reason', 'expected a German reason why records cannot show whether it is met'),
  };
}

function readCitation(raw: unknown, bad: (field: string, problem: string) => never): Citation {
  if (!isRecord(raw)) return bad('citation', 'expected a mapping with section and passage');
  rejectUnknownKeys(raw, ['section', 'passage'], (key) => bad(`citation.${key}`, 'unknown field'));
  const section = nonEmptyString(raw.section, () => bad('citation.section', "expected a string, e.g. '4.2' (quoted)"));
  const passage = nonEmptyString(raw.passage, () => bad('citation.passage', 'expected the quoted sentence(s) of Anlage 3'));
  return { section, passage };
}

function readParams(
  raw: unknown,
  kind: CheckKind,
  bad: (field: string, problem: string) => never,
): Record<string, ParamSpec> {
  if (raw !== undefined && raw !== null && !isRecord(raw)) return bad('params', 'expected a mapping');
  const given: Record<string, unknown> = raw ?? {};
  const schema = CHECKS[kind].params;
  const params: Record<string, ParamSpec> = {};
  for (const [name, entry] of Object.entries(given)) {
    const field = `params.${name}`;
    const definition = Object.hasOwn(schema, name) ? schema[name] : undefined;
    if (!definition) {
      const known = Object.keys(schema);
      bad(field, `unknown parameter for check "${kind}"${known.length ? ` (known: ${known.join(', ')})` : ' (it takes none)'}`);
    }
    // Every parameter is stated in full: { value, label, unit?, interpretation? }, so that pages,
    // forms and deviation messages show the German label, never the key.
    if (!isRecord(entry)) bad(field, 'expected a mapping with value and label (and unit, interpretation where they apply)');
    const spec = readParamSpec(entry as Record<string, unknown>, field, bad);
    const problem = paramValueProblem(definition, spec.value);
    if (problem) bad(`${field}.value`, problem);
    params[name] = spec;
  }
  // Every parameter that has a value when judged is listed (required ones and those with a default):
  // a rule judged with an unlisted default would use a value nobody can see in the catalog. Optional
  // parameters without a default (e.g. openUntilAtLeast) mean "not used" when absent.
  for (const [name, definition] of Object.entries(schema)) {
    if ((definition.required || definition.default !== undefined) && !(name in params)) {
      bad(`params.${name}`, 'missing: list it with value and label');
    }
  }
  const problems = CHECKS[kind].validate?.(new ParamReader(schema, params)) ?? [];
  if (problems.length > 0) bad('params', problems.join('; '));
  return params;
}

function readParamSpec(entry: Record<string, unknown>, field: string, bad: (field: string, problem: string) => never): ParamSpec {
  rejectUnknownKeys(entry, ['value', 'label', 'unit', 'interpretation'], (key) => bad(`${field}.${key}`, 'unknown field'));
  if (!('value' in entry)) bad(`${field}.value`, 'missing');
  const label = nonEmptyString(entry.label, () => bad(`${field}.label`, 'expected a German label, e.g. "Mindestöffnungszeit je Woche"'));
  const spec: ParamSpec = { value: entry.value as ParamSpec['value'], label };
  if (entry.unit !== undefined) spec.unit = nonEmptyString(entry.unit, () => bad(`${field}.unit`, 'expected a non-empty string, e.g. "Std."'));
  if (entry.interpretation !== undefined) {
    spec.interpretation = nonEmptyString(entry.interpretation, () => bad(`${field}.interpretation`, 'expected a non-empty string'));
  }
  return spec;
}

function assertUniqueIds(rules: Array<{ rule: Rule; fileName: string }>): void {
  const seen = new Map<string, string>();
  for (const { rule, fileName } of rules) {
    const earlier = seen.get(rule.id);
    if (earlier !== undefined) throw new CatalogError(fileName, `duplicate rule id (also in ${earlier})`, rule.id, 'id');
    seen.set(rule.id, fileName);
  }
}

// ---- small readers ----

function fail(fileName: string, problem: string): never {
  throw new CatalogError(fileName, problem);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown, onError: () => never): string {
  return typeof value === 'string' && value.trim() !== '' ? value : onError();
}

function rejectUnknownKeys(record: Record<string, unknown>, allowed: string[], onUnknown: (key: string) => never): void {
  for (const key of Object.keys(record)) if (!allowed.includes(key)) onUnknown(key);
}

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
