import { CHECKS } from './checks/check-registry';
import type { CheckOutcome, DistrictCheckDefinition, OfficeCheckDefinition } from './checks/check-definition';
import { deviationsByRule, judgeUnderDeviation, paramValues } from './deviation';
import { ParamReader } from './params/param-reader';
import { ROLE_LABELS } from './vocabulary';
import type { Catalog, DistrictFacts, EvaluationContext, Facts, Finding, FindingStatus, Rule } from './types';

/**
 * Judges the facts of one office and period against the catalog's office rules (district rules are
 * judged by evaluateDistrict). Pure and synchronous: the same facts always give the same findings,
 * in catalog order. Deviations agreed under section 6 (context.deviations) change the verdict of
 * their rule; a rule that does not apply to the office stays not applicable whatever was agreed.
 */
export function evaluate(catalog: Catalog, facts: Facts, context: EvaluationContext = {}): Finding[] {
  const deviations = deviationsByRule(context.deviations ?? []);
  return selected(catalog, context)
    .filter((rule) => CHECKS[rule.check].scope === 'office')
    .map((rule) => {
      const deviation = deviations.get(rule.id);
      if (!deviation || !rule.appliesTo.includes(facts.office.role)) {
        return toFinding(catalog, rule, context, judge(rule, facts, context));
      }
      const judged = judgeUnderDeviation(rule, deviation, (r) => judge(r, facts, context));
      return { ...toFinding(catalog, judged.rule, context, judged.outcome), ...judged.marks };
    });
}

/**
 * Judges the district rules once over all offices: each rule sees the offices of the roles it
 * names in `appliesTo`. Deviations (section 6) are agreed per office and do not apply here.
 */
export function evaluateDistrict(catalog: Catalog, facts: DistrictFacts, context: Omit<EvaluationContext, 'deviations'> = {}): Finding[] {
  return selected(catalog, context)
    .filter((rule) => CHECKS[rule.check].scope === 'district')
    .map((rule) => {
      const check = CHECKS[rule.check] as DistrictCheckDefinition;
      const members = { ...facts, offices: facts.offices.filter((office) => rule.appliesTo.includes(office.role)) };
      return toFinding(catalog, rule, context, check.evaluate(members, new ParamReader(check.params, rule.params), context));
    });
}

function selected(catalog: Catalog, context: EvaluationContext): Rule[] {
  return context.ruleIds ? catalog.rules.filter((rule) => context.ruleIds!.includes(rule.id)) : catalog.rules;
}

function judge(rule: Rule, facts: Facts, context: EvaluationContext): CheckOutcome {
  const check = CHECKS[rule.check] as OfficeCheckDefinition;
  if (!rule.appliesTo.includes(facts.office.role)) {
    return {
      status: 'not_applicable',
      measured: null,
      required: null,
      unit: check.unit,
      message: `Dieser Standard gilt nicht für die Regionalstelle ${facts.office.name} (${ROLE_LABELS[facts.office.role]}).`,
      evidence: { role: facts.office.role, appliesTo: rule.appliesTo },
      sources: [],
    };
  }
  return check.evaluate(facts, new ParamReader(check.params, rule.params), context);
}

/**
 * An observation (obligation `observe`) has no target in the text, so it never gets a verdict:
 * whatever check measures it, a measured value is "observed", never "erfüllt" or "nicht erfüllt".
 */
function statusOf(rule: Rule, outcome: CheckOutcome): FindingStatus {
  return rule.obligation === 'observe' && (outcome.status === 'compliant' || outcome.status === 'non_compliant') ? 'observed' : outcome.status;
}

function toFinding(catalog: Catalog, rule: Rule, context: EvaluationContext, outcome: CheckOutcome): Finding {
  return {
    ruleId: rule.id,
    title: rule.title,
    status: statusOf(rule, outcome),
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
