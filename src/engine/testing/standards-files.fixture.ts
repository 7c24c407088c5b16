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

export function standardsFiles(): CatalogFile[] {
  return readdirSync(STANDARDS_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name: `config/standards/${name}`, text: readFileSync(join(STANDARDS_DIR, name), 'utf8') }));
}

let cached: Catalog | undefined;
export function realCatalog(): Catalog {
  return (cached ??= parseCatalogFiles(standardsFiles()));
}
