import { parseDocument } from 'yaml';
import { QuestionnaireError } from './questionnaire.error';
import { AUDIENCES, type Audience, type Questionnaire, type QuestionnaireField, type QuestionnaireItem, type Scale } from './questionnaire';

/** One YAML file: its path (as shown in errors) and text. */
export interface QuestionnaireFile {
  name: string;
  text: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID_MAX = 60;
const TEXT_MAX = 400;
const TITLE_MAX = 120;
const INTRO_MAX = 2000;
const SCALE_STEPS = { min: 2, max: 10 };
/** Free text: long enough for a few sentences, short enough that nobody pastes a document. */
export const FREE_TEXT_MAX = 2000;
const DEFAULT_IMPORTANCE_TEXT = 'Wie wichtig ist Ihnen das?';

const TOP_KEYS = ['id', 'version', 'title', 'audience', 'intro', 'citation', 'example', 'scales', 'importanceScale', 'fields'];
const FIELD_KEYS = ['id', 'title', 'description', 'items'];
const ITEM_KEYS = ['id', 'text', 'type', 'scale', 'importance', 'maxLength'];

/** Every questionnaire of config/surveys; ids are unique across the files. */
export function parseQuestionnaireFiles(files: readonly QuestionnaireFile[]): Questionnaire[] {
  const seen = new Map<string, string>();
  return files.map((file) => {
    const q = parseQuestionnaire(file.text, file.name);
    const earlier = seen.get(q.id);
    if (earlier !== undefined) throw new QuestionnaireError(file.name, `die Kennung „${q.id}“ gibt es schon in ${earlier}`, undefined, 'id');
    seen.set(q.id, file.name);
    return q;
  });
}

/** One questionnaire; anything unknown, missing or contradictory throws a QuestionnaireError. */
export function parseQuestionnaire(text: string, fileName: string): Questionnaire {
  const fail = (field: string | undefined, problem: string, where?: string): never => {
    throw new QuestionnaireError(fileName, problem, where, field);
  };
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const line = doc.errors[0].linePos?.[0].line;
    fail(undefined, `kein gültiges YAML${line ? ` (Zeile ${line})` : ''}: ${doc.errors[0].message.split('\n')[0]}`);
  }
  const data: unknown = doc.toJS();
  if (!isRecord(data)) return fail(undefined, 'erwartet eine Zuordnung mit id, version, title, audience, scales und fields');
  unknownKeys(data, TOP_KEYS, (key) => fail(key, 'unbekannter Schlüssel'));

  const id = readId(data.id, () => fail('id', 'erwartet eine Kennung aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. „mitarbeitende“'));
  const version = text_(data.version, 40, () => fail('version', "erwartet eine Versionsangabe als Text, z. B. '2026.1' (in Anführungszeichen)"));
  const title = text_(data.title, TITLE_MAX, () => fail('title', `erwartet einen deutschen Titel (höchstens ${TITLE_MAX} Zeichen)`));
  if (!AUDIENCES.includes(data.audience as Audience)) fail('audience', `erwartet eine der Zielgruppen ${AUDIENCES.join(', ')}`);
  const intro = text_(data.intro, INTRO_MAX, () => fail('intro', `erwartet einen Einleitungstext (höchstens ${INTRO_MAX} Zeichen)`));

  let citation: Questionnaire['citation'] = null;
  if (data.citation !== undefined) {
    if (!isRecord(data.citation)) return fail('citation', 'erwartet section und passage');
    unknownKeys(data.citation, ['section', 'passage'], (key) => fail(`citation.${key}`, 'unbekannter Schlüssel'));
    citation = {
      section: text_(data.citation.section, 20, () => fail('citation.section', "erwartet den Abschnitt als Text, z. B. '1.1'")),
      passage: text_(data.citation.passage, INTRO_MAX, () => fail('citation.passage', 'erwartet den zitierten Satz der Anlage 3')),
    };
  }
  let example: Questionnaire['example'] = null;
  if (data.example !== undefined && data.example !== null) {
    example = { note: text_(data.example, INTRO_MAX, () => fail('example', 'erwartet einen Hinweis, dass dieser Fragebogen ein Beispiel ist')) };
  }

  const scales = readScales(data.scales, fail);
  let importanceScale: string | null = null;
  if (data.importanceScale !== undefined) {
    if (typeof data.importanceScale !== 'string' || !scales[data.importanceScale]) {
      fail('importanceScale', `unbekannte Skala (vorhanden: ${Object.keys(scales).join(', ')})`);
    }
    importanceScale = data.importanceScale as string;
  }

  if (!Array.isArray(data.fields) || data.fields.length === 0) return fail('fields', 'erwartet eine nicht leere Liste von Themenfeldern');
  const fieldIds = new Set<string>();
  const itemIds = new Set<string>();
  const fields = data.fields.map((raw, index): QuestionnaireField => {
    if (!isRecord(raw)) return fail(`fields[${index}]`, 'erwartet eine Zuordnung mit id, title und items');
    const where = typeof raw.id === 'string' ? `Themenfeld „${raw.id}“` : `Themenfeld Nr. ${index + 1}`;
    const bad = (field: string, problem: string): never => fail(field, problem, where);
    unknownKeys(raw, FIELD_KEYS, (key) => bad(key, 'unbekannter Schlüssel'));
    const fieldId = readId(raw.id, () => bad('id', 'erwartet eine Kennung aus Kleinbuchstaben, Ziffern und Bindestrichen'));
    if (fieldIds.has(fieldId)) bad('id', 'doppelte Kennung eines Themenfelds');
    fieldIds.add(fieldId);
    const fieldTitle = text_(raw.title, TITLE_MAX, () => bad('title', `erwartet einen Titel (höchstens ${TITLE_MAX} Zeichen)`));
    const description = raw.description === undefined ? null : text_(raw.description, INTRO_MAX, () => bad('description', 'erwartet einen Text'));
    if (!Array.isArray(raw.items) || raw.items.length === 0) return bad('items', 'erwartet eine nicht leere Liste von Fragen');
    const items = raw.items.map((item, i) => readItem(item, i, fieldId, scales, importanceScale, itemIds, fail));
    return { id: fieldId, title: fieldTitle, description, items };
  });
  if (!fields.some((f) => f.items.some((i) => i.kind === 'rating'))) fail('fields', 'erwartet mindestens eine Frage mit Bewertungsskala');

  return { id, version, title, audience: data.audience as Audience, intro, citation, example, scales, importanceScale, fields };
}

function readScales(raw: unknown, fail: (field: string | undefined, problem: string, where?: string) => never): Record<string, Scale> {
  if (!isRecord(raw) || Object.keys(raw).length === 0) return fail('scales', 'erwartet mindestens eine Skala: name: { labels: [...] }');
  const scales: Record<string, Scale> = {};
  for (const [id, entry] of Object.entries(raw)) {
    const field = `scales.${id}`;
    if (!ID.test(id)) fail(field, 'erwartet eine Kennung aus Kleinbuchstaben, Ziffern und Bindestrichen');
    if (!isRecord(entry)) return fail(field, 'erwartet { labels: [...] }');
    unknownKeys(entry, ['labels'], (key) => fail(`${field}.${key}`, 'unbekannter Schlüssel'));
    const labels = entry.labels;
    if (!Array.isArray(labels) || labels.length < SCALE_STEPS.min || labels.length > SCALE_STEPS.max) {
      fail(`${field}.labels`, `erwartet ${SCALE_STEPS.min} bis ${SCALE_STEPS.max} Beschriftungen, die erste für den Wert 1 (schlechteste bzw. unwichtigste Stufe)`);
    }
    (labels as unknown[]).forEach((label, i) => text_(label, 60, () => fail(`${field}.labels[${i}]`, 'erwartet eine Beschriftung (höchstens 60 Zeichen)')));
    scales[id] = { id, labels: labels as string[] };
  }
  return scales;
}

function readItem(
  raw: unknown,
  index: number,
  fieldId: string,
  scales: Record<string, Scale>,
  importanceScale: string | null,
  itemIds: Set<string>,
  fail: (field: string | undefined, problem: string, where?: string) => never,
): QuestionnaireItem {
  if (!isRecord(raw)) return fail(`items[${index}]`, 'erwartet eine Zuordnung mit id und text', `Themenfeld „${fieldId}“`);
  const where = typeof raw.id === 'string' ? `Frage „${raw.id}“` : `Themenfeld „${fieldId}“, Frage Nr. ${index + 1}`;
  const bad = (field: string, problem: string): never => fail(field, problem, where);
  unknownKeys(raw, ITEM_KEYS, (key) => bad(key, 'unbekannter Schlüssel'));
  const id = readId(raw.id, () => bad('id', 'erwartet eine Kennung aus Kleinbuchstaben, Ziffern und Bindestrichen'));
  // Item ids are the keys of every stored answer: unique across the whole questionnaire.
  if (itemIds.has(id)) bad('id', 'doppelte Kennung einer Frage (Kennungen gelten für den ganzen Fragebogen)');
  itemIds.add(id);
  const text = text_(raw.text, TEXT_MAX, () => bad('text', `erwartet den Fragetext (höchstens ${TEXT_MAX} Zeichen)`));
  const type = raw.type ?? 'rating';
  if (type === 'text') {
    if (raw.scale !== undefined) bad('scale', 'eine Freitextfrage hat keine Skala');
    if (raw.importance !== undefined) bad('importance', 'eine Freitextfrage hat keine Wichtigkeit');
    const maxLength = raw.maxLength ?? 1000;
    if (typeof maxLength !== 'number' || !Number.isInteger(maxLength) || maxLength < 1 || maxLength > FREE_TEXT_MAX) {
      bad('maxLength', `erwartet eine ganze Zahl von 1 bis ${FREE_TEXT_MAX}`);
    }
    return { kind: 'text', id, text, maxLength: maxLength as number };
  }
  if (type !== 'rating') return bad('type', 'erwartet rating (Bewertung, Standard) oder text (Freitext)');
  if (raw.maxLength !== undefined) bad('maxLength', 'nur für Freitextfragen (type: text)');
  if (typeof raw.scale !== 'string' || !scales[raw.scale]) return bad('scale', `unbekannte Skala (vorhanden: ${Object.keys(scales).join(', ')})`);
  let importance: { text: string } | null = null;
  if (raw.importance !== undefined && raw.importance !== false) {
    if (!importanceScale) bad('importance', 'eine Wichtigkeit braucht importanceScale auf oberster Ebene');
    const steps = scales[raw.scale].labels.length;
    // The gap subtracts one mean from the other: both scales must have the same range.
    if (scales[importanceScale!].labels.length !== steps) {
      bad('importance', `die Skala „${raw.scale}“ hat ${steps} Stufen, die Wichtigkeitsskala „${importanceScale}“ ${scales[importanceScale!].labels.length}: für die Lücke müssen sie gleich viele haben`);
    }
    importance = { text: raw.importance === true ? DEFAULT_IMPORTANCE_TEXT : text_(raw.importance, TEXT_MAX, () => bad('importance', 'erwartet true oder den Fragetext der Wichtigkeit')) };
  }
  return { kind: 'rating', id, text, scale: raw.scale, importance };
}

// ---- small readers ----

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKeys(record: Record<string, unknown>, allowed: string[], onUnknown: (key: string) => never): void {
  for (const key of Object.keys(record)) if (!allowed.includes(key)) onUnknown(key);
}

function readId(value: unknown, onError: () => never): string {
  return typeof value === 'string' && value.length <= ID_MAX && ID.test(value) ? value : onError();
}

function text_(value: unknown, max: number, onError: () => never): string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= max ? value.trim() : onError();
}
