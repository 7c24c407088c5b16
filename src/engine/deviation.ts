import { applyParamOverride } from './catalog.parser';
import { CHECKS } from './checks/check-registry';
import { germanDate } from './time';
import type { CheckOutcome } from './checks/check-definition';
import type { AppliedDeviation, Finding, ParamSpec, Rule } from './types';

/** What evaluate() needs to build a finding judged under a deviation. */
export interface DeviatedJudgement {
  /** The rule as judged: the catalog's rule for a waiver, the overridden rule for parameters. */
  rule: Rule;
  outcome: CheckOutcome;
  marks: Required<Pick<Finding, 'deviation' | 'standard'>>;
}

/**
 * At most one deviation per rule: the service layer picks it (see DeviationsService.forPeriod);
 * two for the same rule would make the verdict depend on their order, so that is a programming error.
 */
export function deviationsByRule(deviations: readonly AppliedDeviation[]): Map<string, AppliedDeviation> {
  const byRule = new Map<string, AppliedDeviation>();
  for (const deviation of deviations) {
    if (byRule.has(deviation.ruleId)) throw new Error(`two deviations for rule ${deviation.ruleId}: ${byRule.get(deviation.ruleId)!.id}, ${deviation.id}`);
    byRule.set(deviation.ruleId, deviation);
  }
  return byRule;
}

/**
 * Section 6 of Anlage 3 lets the regional office and the leadership agree rules that deviate from
 * the standards or go beyond them. A waiver suspends the rule: the finding is `waived`, but the check
 * still runs with the standard's values so that the report shows what the verdict would have been.
 * Alternative parameters (e.g. 18 h in summer, or a stricter 25 h) replace the rule's values; the
 * standard's own requirement and values stay beside them in `standard`.
 */
export function judgeUnderDeviation(
  rule: Rule,
  deviation: AppliedDeviation,
  judgeWith: (rule: Rule) => CheckOutcome,
): DeviatedJudgement {
  const standardOutcome = judgeWith(rule);
  const standard = { required: standardOutcome.required, params: paramValues(rule), status: standardOutcome.status };
  const named = { id: deviation.id, kind: deviation.kind, reason: deviation.reason };

  if (deviation.kind === 'waiver') {
    return {
      rule,
      outcome: {
        ...standardOutcome,
        status: 'waived',
        message:
          `Der Standard ist durch eine nach Abschnitt 6 der Anlage 3 einvernehmlich vereinbarte Abweichung ${validity(deviation)} ausgesetzt` +
          ` (Begründung: ${deviation.reason}). Zum Vergleich ohne Abweichung: ${standardOutcome.message}`,
      },
      marks: { deviation: named, standard },
    };
  }

  const params = deviation.params ?? {};
  const deviated = applyParamOverride(rule, params);
  const outcome = judgeWith(deviated);
  return {
    rule: deviated,
    outcome: {
      ...outcome,
      message:
        `${outcome.message} Beurteilt nach einer gemäß Abschnitt 6 der Anlage 3 einvernehmlich vereinbarten Abweichung ${validity(deviation)}:` +
        ` ${describeChanges(rule, params)} (Begründung: ${deviation.reason}).`,
    },
    marks: { deviation: { ...named, params: { ...params } }, standard },
  };
}

const PARAM_VALUES = new WeakMap<Rule, Readonly<Record<string, unknown>>>();

/**
 * The parameter values a rule is judged with, as stated in the catalog (or changed by a deviation).
 * One frozen object per rule: every finding of the rule shares it (an audit makes hundreds of
 * thousands), and the stored findings can tell the catalog's values by identity.
 */
export function paramValues(rule: Rule): Readonly<Record<string, unknown>> {
  let values = PARAM_VALUES.get(rule);
  if (!values) PARAM_VALUES.set(rule, (values = Object.freeze(Object.fromEntries(Object.entries(rule.params).map(([name, spec]) => [name, spec.value])))));
  return values;
}

/** 'Mindestöffnungszeit je Woche 18 Std. statt 21,5 Std.': labels and units from the catalog, never keys. */
export function describeChanges(rule: Rule, params: Record<string, ParamSpec['value']>): string {
  const schema = CHECKS[rule.check].params;
  return Object.entries(params)
    .map(([name, value]) => {
      const spec = rule.params[name];
      const standardValue = spec?.value ?? schema[name]?.default;
      const unit = spec?.unit ? ` ${spec.unit}` : '';
      const standard = standardValue === undefined ? 'bisher nicht gesetzt' : `statt ${formatValue(standardValue)}${unit}`;
      return `${spec?.label ?? name} ${formatValue(value)}${unit} ${standard}`;
    })
    .join(', ');
}

/** '(gültig ab 01.06.2026)' or '(gültig vom 01.06.2026 bis 31.08.2026)': how people tell deviations apart. */
function validity(deviation: AppliedDeviation): string {
  return deviation.validUntil
    ? `(gültig vom ${germanDate(deviation.validFrom)} bis ${germanDate(deviation.validUntil)})`
    : `(gültig ab ${germanDate(deviation.validFrom)})`;
}

function formatValue(value: ParamSpec['value']): string {
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  return value;
}
