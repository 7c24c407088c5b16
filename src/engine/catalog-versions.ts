import { CatalogError } from './catalog.error';
import type { Catalog } from './types';

/**
 * Agreements are amended (issue 15): several versions of the catalog stand side by side, each with
 * its validFrom (and optional validUntil). A version that changes a rule's parameters is a new
 * version, never an edit of a past one, so findings keep meaning what they meant when judged.
 */

/** One version as read, with where it came from (for messages that name the file to fix). */
export interface CatalogVersionSource {
  catalog: Catalog;
  /** The header file, e.g. config/standards/2026.1/catalog.yaml. */
  headerFile: string;
  /** The file each rule was read from. */
  ruleFiles: Readonly<Record<string, string>>;
}

/**
 * Checks a set of versions: at least one, distinct version names, distinct starts, and no two in
 * force on the same day (a validUntil on or after the next version's validFrom). Returns them
 * ordered by validFrom.
 */
export function orderVersions<T extends { catalog: Catalog; headerFile: string }>(versions: readonly T[], where: string): T[] {
  if (versions.length === 0) throw new CatalogError(where, 'no catalog version found (expected a folder per version, e.g. 2026.1/, with catalog.yaml)');
  const sorted = [...versions].sort((a, b) => a.catalog.validFrom.localeCompare(b.catalog.validFrom));
  for (let i = 1; i < sorted.length; i++) {
    const [before, after] = [sorted[i - 1], sorted[i]];
    if (before.catalog.validFrom === after.catalog.validFrom) {
      throw new CatalogError(after.headerFile, `validFrom: ${after.catalog.validFrom} is also the start of version ${before.catalog.version} (${before.headerFile})`);
    }
    if (before.catalog.validUntil !== undefined && before.catalog.validUntil >= after.catalog.validFrom) {
      throw new CatalogError(before.headerFile, `validUntil: ${before.catalog.validUntil} overlaps version ${after.catalog.version}, valid from ${after.catalog.validFrom}`);
    }
  }
  const names = new Map<string, string>();
  for (const v of sorted) {
    const earlier = names.get(v.catalog.version);
    if (earlier !== undefined) throw new CatalogError(v.headerFile, `version: "${v.catalog.version}" is also the version of ${earlier}`);
    names.set(v.catalog.version, v.headerFile);
  }
  return sorted;
}

/**
 * The version in force on a day (YYYY-MM-DD): the latest that started on or before it, unless its
 * validUntil has passed. Undefined before the first version and in a gap after a validUntil.
 */
export function catalogInForce<T extends Pick<Catalog, 'validFrom' | 'validUntil'>>(versions: readonly T[], date: string): T | undefined {
  let found: T | undefined;
  for (const v of versions) if (v.validFrom <= date) found = v;
  return found && (found.validUntil === undefined || date <= found.validUntil) ? found : undefined;
}

/**
 * The version that judges a period: the one in force on its first day. A period that begins before
 * the first version and ends on or after its start (week 1 of 2026 begins on 29 December 2025) is
 * judged by that first version, as before versions existed; a period wholly before it by none.
 */
export function catalogForPeriod<T extends Pick<Catalog, 'validFrom' | 'validUntil'>>(versions: readonly T[], period: { from: string; to: string }): T | undefined {
  const first = versions[0];
  if (first && period.from < first.validFrom) return period.to >= first.validFrom ? first : undefined;
  return catalogInForce(versions, period.from);
}
