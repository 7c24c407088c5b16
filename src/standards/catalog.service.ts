import { Injectable } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../common/project-root';
import { parseCatalogFiles, type Catalog, type Rule } from '../engine';

export const standardsDir = () => process.env.STANDARDS_DIR || join(projectRoot(), 'config', 'standards');

/** Reads every YAML file of the catalog folder; a broken catalog throws (the service refuses to start). */
export function loadCatalogFromDir(dir = standardsDir()): Catalog {
  const names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  return parseCatalogFiles(names.map((name) => ({ name: join(dir, name), text: readFileSync(join(dir, name), 'utf8') })));
}

/** The catalog of standards in force, parsed and validated once at start-up. */
@Injectable()
export class CatalogService {
  readonly catalog: Catalog = loadCatalogFromDir();

  rule(id: string): Rule | undefined {
    return this.catalog.rules.find((r) => r.id === id);
  }
}
