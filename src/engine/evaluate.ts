import { CHECKS } from './checks/check-registry';
import type { CheckOutcome } from './checks/check-definition';
import { deviationsByRule, judgeUnderDeviation, paramValues } from './deviation';
import { ParamReader } from './params/param-reader';
import { ROLE_LABELS } from './vocabulary';
import type { Catalog, EvaluationContext, Facts, Finding, Rule } from './types';

/**
 * Judges the facts of one office and period against the catalog. Pure and synchronous: the same
 * facts always give the same findings, in catalog order. Deviations agreed under section 6
 * (context.deviations) change the verdict of their rule; a rule that does not apply to the office
 * stays not applicable whatever was agreed.
 */
export function evaluate(catalog: Catalog, facts: Facts, context: EvaluationContext = {}): Finding[] {
  const selected = context.ruleIds ? catalog.rules.filter((rule) => context.ruleIds!.includes(rule.id)) : catalog.rules;
  const deviations = deviationsByRule(context.deviations ?? []);
  return selected.map((rule) => {
    const deviation = deviations.get(rule.id);
    if (!deviation || !rule.appliesTo.includes(facts.office.role)) {
      return toFinding(catalog, rule, context, judge(rule, facts, context));
    }
    const judged = judgeUnderDeviation(rule, deviation, (r) => judge(r, facts, context));
    return { ...toFinding(catalog, judged.rule, context, judged.outcome), ...judged.marks };
  });
}

function judge(rule: Rule, facts: Facts, context: EvaluationContext): CheckOutcome {
  const check = CHECKS[rule.check];
  if (!rule.appliesTo.includes(facts.office.role)) {
    return {
      status: 'not_applicable',
      measured: null,
      required: null,
      unit: check.unit,
      message: `Dieser Standard gilt nicht für die Regionalstelle ${facts.office.id} (${ROLE_LABELS[facts.office.role]}).`,
      evidence: { role: facts.office.role, appliesTo: rule.appliesTo },
      sources: [],
    };
  }
  return check.evaluate(facts, new ParamReader(check.params, rule.params), context);
}

function toFinding(catalog: Catalog, rule: Rule, context: EvaluationContext, outcome: CheckOutcome): Finding {
  return {
    ruleId: rule.id,
    title: rule.title,
    status: outcome.status,
    obligation: rule.obligation,
    measured: outcome.measured,
    required: outcome.required,
    unit: outcome.unit,
    message: outcome.message,
    citation: rule.citation,
    // The values the finding was judged with: a deviation's parameters replace the catalog's.
    evidence: { ...outcome.evidence, params: paramValues(rule) },
    catalogVersion: catalog.version,
    ...(context.period !== undefined ? { period: context.period } : {}),
    sources: outcome.sources,
  };
}
