/**
 * Our German messages for the opening_hours library's parse errors. The library is asked in English
 * (its complete and stable texts) and each known text is replaced by a sentence of our own: its
 * German locale is incomplete (some texts stay English), names token types ("number", "timesep")
 * and points to OpenStreetMap links and library modes a clerk has never heard of. A text not in
 * this table gets a generic sentence naming the place; the library's own words never reach a clerk.
 */

/** Where the library stopped: `after` the fragment (something is missing) or `at` its end (something is wrong there). */
interface Reason {
  pattern: RegExp;
  where: 'after' | 'at';
  text: (match: RegExpExecArray) => string;
}

const CLOCK_HINT = 'Uhrzeiten bitte als HH:MM-HH:MM angeben, z. B. 08:00-12:30';

/** Token types the library names instead of the characters it read. */
const TOKEN_TYPES: Readonly<Record<string, string>> = {
  number: 'eine Zahl',
  timesep: 'ein Doppelpunkt',
  year: 'eine Jahreszahl',
  weekday: 'ein Wochentag',
  month: 'ein Monat',
  holiday: 'eine Feiertagsangabe',
  comment: 'ein Kommentar',
  state: 'eine Angabe wie open oder off',
};

function unexpected(token: string): string {
  if ([...token].length === 1) return `Das Zeichen „${token}“ ist an dieser Stelle nicht vorgesehen.`;
  const type = TOKEN_TYPES[token];
  return type ? `Hier ist ${type} nicht vorgesehen.` : 'An dieser Stelle steht etwas Unerwartetes.';
}

const REASONS: Reason[] = [
  { pattern: /^Time range does not continue as expected/, where: 'after', text: () => 'Die Zeitspanne geht nicht wie erwartet weiter.' },
  { pattern: /^Minutes are greater than 59/, where: 'at', text: () => `Die Minuten gehen nur bis 59; ${CLOCK_HINT}.` },
  { pattern: /^Missing minutes in time range after/, where: 'after', text: () => `Nach dem Doppelpunkt fehlen die Minuten; ${CLOCK_HINT}.` },
  { pattern: /^Missing time separator in time range after/, where: 'at', text: () => `Die Uhrzeit braucht Stunden und Minuten mit Doppelpunkt; ${CLOCK_HINT}.` },
  { pattern: /^hyphen \(-\) or open end \(\+\) in time range expected/, where: 'after', text: () => `Nach der Uhrzeit fehlt das Ende der Zeitspanne; ${CLOCK_HINT}.` },
  { pattern: /running in "time range mode"\. Found point in time/, where: 'at', text: () => `Zeitpunkte und Wiederholungen (z. B. „/01:30“) sind nicht möglich; ${CLOCK_HINT}.` },
  { pattern: /^Time range starts outside of the current day/, where: 'at', text: () => `Die Zeitspanne beginnt nicht innerhalb des Tages (00:00 bis 23:59); ${CLOCK_HINT}.` },
  { pattern: /^Time spanning more than two midnights/, where: 'at', text: () => 'Eine Zeitspanne darf höchstens bis in den nächsten Tag reichen.' },
  { pattern: /^An additional rule does not make sense here/, where: 'at', text: () => 'Das Komma steht hier fehl am Platz; Regeln bitte mit „;“ trennen.' },
  { pattern: /^"\]" or more numbers expected/, where: 'at', text: () => 'Erwartet wird „]“ oder eine weitere Zahl.' },
  { pattern: /^Number between -5 and 5 \(except 0\) expected/, where: 'at', text: () => 'In eckigen Klammern wird eine Zahl zwischen -5 und 5 (außer 0) erwartet.' },
  { pattern: /^Unexpected token in \w+ range: /, where: 'at', text: () => 'In dieser Spanne steht etwas Unerwartetes.' },
  { pattern: /^Unexpected token: "(.*?)" This means/, where: 'at', text: (m) => unexpected(m[1]) },
];

/**
 * The library's message is "<text up to the place> <--- (<reason>)", sometimes followed by more of
 * the same; the first place is where reading stopped. The reason may itself contain parentheses,
 * so it is matched from its start only.
 */
const MARK = '<--- (';

export function unreadableOpeningHours(error: unknown): string {
  const message = String(error instanceof Error ? error.message : error);
  const at = message.indexOf(MARK);
  const fragment = at >= 0 ? message.slice(0, at).trim() : undefined;
  const reason = at >= 0 ? message.slice(at + MARK.length) : message.trim();
  for (const known of REASONS) {
    const match = known.pattern.exec(reason);
    if (!match) continue;
    if (!fragment) return `Die Öffnungszeiten sind nicht lesbar: ${known.text(match)}`;
    return `Die Öffnungszeiten sind ${known.where === 'after' ? 'nach' : 'bei'} „${fragment}“ nicht lesbar: ${known.text(match)}`;
  }
  const place = fragment ? ` bei „${fragment}“` : '';
  return `Die Öffnungszeiten sind${place} nicht lesbar. Bitte das Wochenschema so schreiben: „Mo-Fr 08:00-12:30; Th 14:00-18:00“.`;
}
