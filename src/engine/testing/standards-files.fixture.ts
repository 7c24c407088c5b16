// Test support only: reads the real catalog from config/standards so the engine specs judge the
// rules as they are configured. Engine code never imports this file (the engine does no I/O; the
// service layer has its own loader), hence the one deliberate exception to the purity lint rule.
// eslint-disable-next-line no-restricted-imports -- test fixture, not engine code
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogFiles } from '../catalog.parser';
import type { CatalogFile } from '../catalog.parser';
import type { Catalog } from '../types';

const STANDARDS_DIR = join(__dirname, '..', '..', '..', 'config', 'standards');

/** The version folders of config/standards (one per catalog version, e.g. 2026.1). */
export function standardsVersions(): string[] {
  return readdirSync(STANDARDS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** The files of one version (default: the latest folder, the version the engine specs judge with). */
export function standardsFiles(version = standardsVersions().at(-1)!): CatalogFile[] {
  const dir = join(STANDARDS_DIR, version);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name: `config/standards/${version}/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
}

let cached: Catalog | undefined;
export function realCatalog(): Catalog {
  return (cached ??= parseCatalogFiles(standardsFiles()));
}
