/**
 * A catalog file that cannot be used. The message names the file, the rule and the field, e.g.
 * `config/standards/opening.yaml: rule "opening.weekly-minimum": params.minimumHours: expected a number`,
 * so an operator can fix the YAML without reading code.
 */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';

  constructor(
    readonly fileName: string,
    readonly problem: string,
    readonly ruleId?: string,
    readonly field?: string,
  ) {
    super([fileName, ruleId !== undefined ? `rule "${ruleId}"` : undefined, field, problem].filter(Boolean).join(': '));
  }
}
