import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../common/project-root';
import { catalogFingerprint } from './catalog-fingerprint';
import { loadCatalogFromDir, loadCatalogVersionsFromDir } from './catalog.service';

const SHIPPED = join(projectRoot(), 'config', 'standards', '2026.1');
const FIXTURE = join(projectRoot(), 'test', 'fixtures', 'catalog-versions', '2026.2');

describe('loading the catalog versions of config/standards', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'catalog-loader-'));
    cpSync(SHIPPED, join(dir, '2026.1'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('ships the catalog as version 2026.1 in its own folder', () => {
    const versions = loadCatalogVersionsFromDir(join(projectRoot(), 'config', 'standards'));
    expect(versions.map((v) => [v.catalog.version, v.catalog.validFrom])).toEqual([['2026.1', '2026-01-01']]);
    expect(versions[0].headerFile).toMatch(/config\/standards\/2026\.1\/catalog\.yaml$/);
    expect(versions[0].ruleFiles['opening.weekly-minimum']).toMatch(/2026\.1\/opening\.yaml$/);
  });

  it('reads every version folder, ordered by validFrom, and picks the version in force on a day', () => {
    cpSync(FIXTURE, join(dir, '2026.2'), { recursive: true });
    expect(loadCatalogVersionsFromDir(dir).map((v) => v.catalog.version)).toEqual(['2026.1', '2026.2']);
    expect(loadCatalogFromDir(dir, '2026-09-30').version).toBe('2026.1');
    expect(loadCatalogFromDir(dir, '2026-10-01').version).toBe('2026.2');
    // Before the first version, the page shows the first.
    expect(loadCatalogFromDir(dir, '2025-06-01').version).toBe('2026.1');
  });

  it('still reads a folder holding one catalog directly', () => {
    expect(loadCatalogVersionsFromDir(join(dir, '2026.1')).map((v) => v.catalog.version)).toEqual(['2026.1']);
  });

  it('refuses a YAML file beside the version folders, naming it (a rule file must belong to a version)', () => {
    writeFileSync(join(dir, 'surveys.yaml'), 'rules: []\n');
    expect(() => loadCatalogVersionsFromDir(dir)).toThrow(`${join(dir, 'surveys.yaml')}: a catalog file outside a version folder: move it into the folder of its version (2026.1)`);
  });

  it('refuses a folder whose name is not its version', () => {
    cpSync(SHIPPED, join(dir, '2027.1'), { recursive: true });
    expect(() => loadCatalogVersionsFromDir(dir)).toThrow(`${join(dir, '2027.1', 'catalog.yaml')}: version: "2026.1" differs from its folder "2027.1"`);
  });
});

describe('the fingerprint of a catalog version', () => {
  const read = (edit: (text: string) => string = (t) => t) => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-fingerprint-'));
    try {
      cpSync(SHIPPED, dir, { recursive: true });
      const file = join(dir, 'opening.yaml');
      writeFileSync(file, edit(readFileSync(file, 'utf8')));
      return catalogFingerprint(loadCatalogVersionsFromDir(dir)[0].catalog);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const shipped = read();

  it('stays the same when only words change (labels, notes)', () => {
    expect(read((t) => t.replace('label: Mindestöffnungszeit je Woche', 'label: Mindestöffnungszeit pro Woche')).hash).toBe(shipped.hash);
  });

  it('changes with a parameter value, and names the rule that changed', () => {
    const changed = read((t) => t.replace('value: 21.5', 'value: 20'));
    expect(changed.hash).not.toBe(shipped.hash);
    const differing = Object.keys(shipped.ruleHashes).filter((id) => shipped.ruleHashes[id] !== changed.ruleHashes[id]);
    expect(differing).toEqual(['opening.weekly-minimum']);
  });
});
