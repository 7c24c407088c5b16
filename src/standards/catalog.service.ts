import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLOCK, type Clock } from '../common/clock';
import { projectRoot } from '../common/project-root';
import {
  CatalogError,
  catalogForPeriod,
  catalogInForce,
  orderVersions,
  parseCatalogVersion,
  type Catalog,
  type CatalogVersionSource,
  type Rule,
} from '../engine';

/** The folder of catalog versions (config/standards), one sub-folder per version. */
export const STANDARDS_DIR = Symbol('STANDARDS_DIR');
export const standardsDir = () => process.env.STANDARDS_DIR || join(projectRoot(), 'config', 'standards');

const YAML = /\.ya?ml$/;
const ZONE = 'Europe/Berlin';

/** Every YAML file of one version's folder, parsed and checked. */
function readVersionDir(dir: string): CatalogVersionSource {
  const names = readdirSync(dir).filter((n) => YAML.test(n)).sort();
  return parseCatalogVersion(names.map((name) => ({ name: join(dir, name), text: readFileSync(join(dir, name), 'utf8') })));
}

/**
 * Every catalog version under the folder, ordered by validFrom: one sub-folder per version named
 * like its `version` (config/standards/2026.1/). A folder holding the YAML files itself is read as
 * one version (a single catalog, e.g. a fixture). A YAML file beside version folders belongs to no
 * version and is an error, so a new rule file cannot be dropped silently.
 */
export function loadCatalogVersionsFromDir(dir = standardsDir()): CatalogVersionSource[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && YAML.test(e.name)).map((e) => e.name);
  const folders = entries.filter((e) => e.isDirectory() && readdirSync(join(dir, e.name)).some((n) => YAML.test(n))).map((e) => e.name);
  if (folders.length === 0) return orderVersions([readVersionDir(dir)], dir);
  if (files.length > 0) {
    throw new CatalogError(join(dir, files.sort()[0]), `a catalog file outside a version folder: move it into the folder of its version (${folders.sort().join(', ')})`);
  }
  const versions = folders.map((folder) => {
    const source = readVersionDir(join(dir, folder));
    if (source.catalog.version !== folder) throw new CatalogError(source.headerFile, `version: "${source.catalog.version}" differs from its folder "${folder}"`);
    return source;
  });
  return orderVersions(versions, dir);
}

/**
 * The version in force on a day: the one catalogInForce finds; before the first version the first,
 * in a gap after a validUntil the latest started (what a page shows as "the catalog").
 */
function currentOf(versions: readonly Catalog[], date: string): Catalog {
  return catalogInForce(versions, date) ?? [...versions].reverse().find((v) => v.validFrom <= date) ?? versions[0];
}

/** The catalog in force today (Berlin) from the folder; a broken catalog throws (the service refuses to start). */
export function loadCatalogFromDir(dir = standardsDir(), date = DateTime.now().setZone(ZONE).toISODate()!): Catalog {
  return currentOf(
    loadCatalogVersionsFromDir(dir).map((v) => v.catalog),
    date,
  );
}

/**
 * main.ts checks the catalog before the data folder is touched; what it parsed is handed to the
 * CatalogService that follows in the same process instead of parsing every YAML file a second time
 * (cold start, issue 14). Taken once, and only for the same folder.
 */
let checkedAtStart: { dir: string; sources: CatalogVersionSource[] } | undefined;

/** loadCatalogFromDir for main.ts: throws on a broken catalog and keeps the parsed versions for the service. */
export function checkCatalogAtStart(dir = standardsDir()): Catalog {
  const sources = loadCatalogVersionsFromDir(dir);
  checkedAtStart = { dir, sources };
  return currentOf(
    sources.map((v) => v.catalog),
    DateTime.now().setZone(ZONE).toISODate()!,
  );
}

function takeCheckedAtStart(dir: string): CatalogVersionSource[] | undefined {
  const checked = checkedAtStart;
  checkedAtStart = undefined;
  return checked?.dir === dir ? checked.sources : undefined;
}

/**
 * The catalog versions, parsed and validated once at start-up. Each period is judged by the
 * version in force on its first day (forPeriod); `catalog` is the version in force today.
 */
@Injectable()
export class CatalogService {
  readonly sources: readonly CatalogVersionSource[];
  /** Ordered by validFrom. */
  readonly versions: readonly Catalog[];

  constructor(@Inject(STANDARDS_DIR) dir: string, @Inject(CLOCK) private readonly clock: Clock) {
    this.sources = takeCheckedAtStart(dir) ?? loadCatalogVersionsFromDir(dir);
    this.versions = this.sources.map((s) => s.catalog);
  }

  /** The version in force today (Berlin). */
  get catalog(): Catalog {
    return this.forDate(DateTime.fromJSDate(this.clock(), { zone: ZONE }).toISODate()!);
  }

  /** The version in force on a day; before the first version the first, in a gap the latest started. */
  forDate(date: string): Catalog {
    return currentOf(this.versions, date);
  }

  /** The version that judges a period (in force on its first day), undefined when none applies. */
  forPeriod(period: { from: string; to: string }): Catalog | undefined {
    return catalogForPeriod(this.versions, period);
  }

  byVersion(version: string): Catalog | undefined {
    return this.versions.find((v) => v.version === version);
  }

  /** A rule by id: as the version in force states it, else as the newest version that has it. */
  rule(id: string): Rule | undefined {
    return this.catalog.rules.find((r) => r.id === id) ?? [...this.versions].reverse().flatMap((v) => v.rules).find((r) => r.id === id);
  }

  /** The rules of the given versions (default: all), each id once, in catalog order, as the newest of them states it. */
  rulesOf(versions: readonly string[] = this.versions.map((v) => v.version)): Rule[] {
    const chosen = this.versions.filter((v) => versions.includes(v.version));
    const byId = new Map<string, Rule>();
    for (const v of chosen) for (const r of v.rules) byId.set(r.id, r);
    const order = [...new Set(chosen.flatMap((v) => v.rules.map((r) => r.id)))];
    return order.map((id) => byId.get(id)!);
  }
}
