import type { ErrorDetail } from '../common/domain-error';
import { ratingItems, scaleSteps, textItems, type Questionnaire } from './questionnaire';

/** An answer as stored: item id → value; skipped items are absent. */
export interface AnswerValues {
  ratings: Record<string, number>;
  importance: Record<string, number>;
  comments: Record<string, string>;
}

export interface AnswerInput {
  ratings?: unknown;
  importance?: unknown;
  comments?: unknown;
}

/**
 * Checks an answer against the round's questionnaire: only its items, whole numbers on their scale,
 * free text within its length. Anything else is a problem naming the field (e.g. `ratings.foo`), so
 * that the public routes, the only unauthenticated writes of the service, store nothing unexpected.
 * `null` means "keine Angabe" and is dropped like a missing key.
 */
export function validateAnswer(q: Questionnaire, input: AnswerInput): { values: AnswerValues; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const values: AnswerValues = { ratings: {}, importance: {}, comments: {} };
  // Maps, not objects: an id like "__proto__" or "constructor" is simply unknown.
  const rating = new Map(ratingItems(q).map((i) => [i.id, i]));
  const text = new Map(textItems(q).map((i) => [i.id, i]));
  const importanceSteps = q.importanceScale ? q.scales[q.importanceScale].labels.length : 0;

  const entries = (name: keyof AnswerInput): Array<[string, unknown]> => {
    const raw = input[name];
    if (raw === undefined || raw === null) return [];
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push({ field: name, message: 'muss ein Objekt aus Frage-Kennung und Antwort sein' });
      return [];
    }
    return Object.entries(raw as Record<string, unknown>);
  };

  for (const [id, value] of entries('ratings')) {
    const item = rating.get(id);
    if (!item) problems.push({ field: `ratings.${id}`, message: 'Diese Frage gibt es in diesem Fragebogen nicht.' });
    else if (value !== null) {
      const steps = scaleSteps(q, item);
      if (!isWhole(value, steps)) problems.push({ field: `ratings.${id}`, message: `muss eine ganze Zahl von 1 bis ${steps} sein` });
      else values.ratings[id] = value;
    }
  }
  for (const [id, value] of entries('importance')) {
    const item = rating.get(id);
    if (!item?.importance) problems.push({ field: `importance.${id}`, message: 'Zu dieser Frage gibt es keine Wichtigkeit.' });
    else if (value !== null) {
      if (!isWhole(value, importanceSteps)) problems.push({ field: `importance.${id}`, message: `muss eine ganze Zahl von 1 bis ${importanceSteps} sein` });
      else values.importance[id] = value;
    }
  }
  for (const [id, value] of entries('comments')) {
    const item = text.get(id);
    if (!item) problems.push({ field: `comments.${id}`, message: 'Diese Freitextfrage gibt es in diesem Fragebogen nicht.' });
    else if (value !== null) {
      if (typeof value !== 'string') problems.push({ field: `comments.${id}`, message: 'muss ein Text sein' });
      else {
        // Control characters other than line breaks have no business in a comment.
        const cleaned = withoutControlCharacters(value).trim();
        if (cleaned.length > item.maxLength) problems.push({ field: `comments.${id}`, message: `darf höchstens ${item.maxLength} Zeichen lang sein` });
        else if (cleaned !== '') values.comments[id] = cleaned;
      }
    }
  }
  if (problems.length === 0 && Object.keys(values.ratings).length + Object.keys(values.importance).length + Object.keys(values.comments).length === 0) {
    problems.push({ field: 'ratings', message: 'Bitte beantworten Sie mindestens eine Frage.' });
  }
  return { values, problems };
}

/** Removes control characters except line feed and carriage return (a comment may have lines). */
function withoutControlCharacters(text: string): string {
  return [...text]
    .filter((c) => {
      const code = c.charCodeAt(0);
      return code === 10 || code === 13 || (code >= 32 && code !== 127);
    })
    .join('');
}

function isWhole(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max;
}
