import { evaluate } from '../evaluate';
import type { Catalog, EvaluationContext, Facts, Finding } from '../types';
import { realCatalog } from './standards-files.fixture';

/** The finding of one rule of the real catalog (config/standards) for the given facts. */
export function judge(ruleId: string, facts: Facts, context: EvaluationContext = {}, catalog: Catalog = realCatalog()): Finding {
  const [finding] = evaluate(catalog, facts, { ...context, ruleIds: [ruleId] });
  if (!finding) throw new Error(`no rule ${ruleId} in the catalog`);
  return finding;
}
