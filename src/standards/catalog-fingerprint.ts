import { createHash } from 'node:crypto';
import type { Catalog, Rule } from '../engine';

/**
 * What of a rule decides its verdicts: check kind, obligation, the offices it applies to, whether it
 * opens actions, and its parameter values. Titles, labels, units, quotes and interpretation notes
 * may be corrected in a past version; these may not (a new version instead).
 */
export function ruleFingerprint(rule: Rule): string {
  const params = Object.keys(rule.params)
    .sort()
    .map((name) => [name, rule.params[name].value]);
  return sha256(JSON.stringify([rule.check, rule.obligation, [...rule.appliesTo].sort(), rule.opensAction, params]));
}

export interface CatalogFingerprint {
  /** Over validFrom and every rule's fingerprint. */
  hash: string;
  ruleHashes: Record<string, string>;
}

export function catalogFingerprint(catalog: Catalog): CatalogFingerprint {
  const ruleHashes = Object.fromEntries(catalog.rules.map((r) => [r.id, ruleFingerprint(r)]));
  const ids = Object.keys(ruleHashes).sort();
  return { hash: sha256(JSON.stringify([catalog.validFrom, ids.map((id) => [id, ruleHashes[id]])])), ruleHashes };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
