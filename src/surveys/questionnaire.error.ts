/**
 * A questionnaire file that cannot be used. Like CatalogError for the standards, the message names
 * the file, the item (or field) and the key, e.g.
 * `config/surveys/mitarbeitende.yaml: Frage „ziele-klar“: scale: unbekannte Skala „x“`,
 * so that whoever edits the YAML can fix it without reading code. The service refuses to start.
 */
export class QuestionnaireError extends Error {
  override readonly name = 'QuestionnaireError';

  constructor(
    readonly fileName: string,
    readonly problem: string,
    /** 'Frage „id“' or 'Themenfeld „id“' (German, as printed). */
    readonly where?: string,
    readonly field?: string,
  ) {
    super([fileName, where, field, problem].filter(Boolean).join(': '));
  }
}
