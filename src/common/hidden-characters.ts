import { Matches } from 'class-validator';

/**
 * Characters a reader does not see but that change a text: control characters (C0, DEL, C1); the
 * marks that change the writing direction (U+061C, U+200E/F, embeddings and overrides U+202A–E,
 * isolates U+2066–9), which can make "Witten" display as another office's name; and the characters
 * without width (U+200B–D, word joiner and invisible operators U+2060–4, U+FEFF inside a text),
 * which make two names that look the same differ. Office names and survey titles share this one
 * list (shown on the pages, the public form, the poster and in exports).
 */
const WITHOUT_HIDDEN = /^[^\p{Cc}\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*$/u;

export const HIDDEN_CHARACTERS_MESSAGE = 'darf keine Steuerzeichen und keine unsichtbaren Zeichen (zur Schreibrichtung oder ohne Breite) enthalten';

/** Refuses a text holding any of the characters above, with one German message for all of them. */
export function WithoutHiddenCharacters(): PropertyDecorator {
  return Matches(WITHOUT_HIDDEN, { message: HIDDEN_CHARACTERS_MESSAGE });
}
