import { CHECKS } from './checks/check-registry';
import type { Cadence, Catalog, CheckTraits, Need, Rule, RuleScope } from './types';

/** What a rule's check kind declares: the evidence it needs, its cadence and its scope. */
export function ruleTraits(rule: Pick<Rule, 'check'>): CheckTraits {
  const { needs, cadence, scope } = CHECKS[rule.check];
  return { needs: [...needs], cadence, scope };
}

/**
 * Which rules a judgement judges, in catalog order. `available`: only rules whose needs are all
 * among these (the schedule pre-check has nothing but a schedule); absent: any evidence.
 */
export interface RuleSelection {
  scope: RuleScope;
  cadence: Cadence;
  available?: readonly Need[];
}

export function selectRules(catalog: Catalog, selection: RuleSelection): Rule[] {
  return catalog.rules.filter((rule) => {
    const traits = ruleTraits(rule);
    return (
      traits.scope === selection.scope &&
      traits.cadence === selection.cadence &&
      (selection.available === undefined || traits.needs.every((need) => selection.available!.includes(need)))
    );
  });
}

/**
 * The kinds of judgement and the rules each one judges. Every caller (pre-check, week, month, audit,
 * CLI) takes its rules from here, so adding a rule of an existing kind is YAML only.
 */
export const JUDGEMENTS = {
  /** A submitted weekly schedule: only what a schedule can answer (no hotline, no working time). */
  scheduleCheck: { scope: 'office', cadence: 'week', available: ['schedule'] },
  officeWeek: { scope: 'office', cadence: 'week' },
  officeMonth: { scope: 'office', cadence: 'month' },
  districtWeek: { scope: 'district', cadence: 'week' },
  districtMonth: { scope: 'district', cadence: 'month' },
} as const satisfies Record<string, RuleSelection>;
