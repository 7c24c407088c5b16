import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CatalogError, type CatalogVersionSource } from '../engine';
import { catalogFingerprint, type CatalogFingerprint } from './catalog-fingerprint';

interface StoredVersion {
  version: string;
  valid_from: string;
  hash: string;
  rule_hashes: Record<string, string>;
  first_judged: Date | null;
}

/** A version as the API lists it: its validity and whether periods were judged by it here. */
export interface CatalogVersionRecord {
  version: string;
  firstJudged: string | null;
}

/**
 * The catalog versions this database has seen (table catalog_version): their hashes, and when
 * their periods were first judged. A judged version is history; `verify` refuses its change.
 */
@Injectable()
export class CatalogVersionRepository {
  private readonly logger = new Logger('CatalogVersions');

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Compares the versions read from the files with those stored. A version not judged yet is
   * (re)recorded as it is now; a judged one must judge as it did: no rule removed or changed, the
   * same validFrom. Added rules are recorded (they judge periods from the next run on). Throws a
   * CatalogError naming the file to put back, in German and English, so the service does not start.
   */
  async verify(sources: readonly CatalogVersionSource[]): Promise<void> {
    for (const source of sources) {
      const { catalog } = source;
      const now = catalogFingerprint(catalog);
      await this.ds.query(
        `INSERT INTO catalog_version (version, valid_from, valid_until, hash, rule_hashes) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (version) DO NOTHING`,
        [catalog.version, catalog.validFrom, catalog.validUntil ?? null, now.hash, JSON.stringify(now.ruleHashes)],
      );
      const [stored] = (await this.ds.query(
        `SELECT version, valid_from::text AS valid_from, hash, rule_hashes, first_judged FROM catalog_version WHERE version = $1`,
        [catalog.version],
      )) as StoredVersion[];
      if (stored.hash === now.hash) continue;
      if (stored.first_judged) assertUnchanged(source, stored, now);
      else this.logger.log({ msg: 'catalog version not judged yet, recorded as it is now', version: catalog.version });
      await this.ds.query(`UPDATE catalog_version SET valid_from = $2, valid_until = $3, hash = $4, rule_hashes = $5 WHERE version = $1`, [
        catalog.version,
        catalog.validFrom,
        catalog.validUntil ?? null,
        now.hash,
        JSON.stringify(now.ruleHashes),
      ]);
    }
  }

  /** Marks versions as having judged periods (an audit run, a stored schedule verdict); the first time counts. */
  async markJudged(versions: readonly string[], db: Pick<EntityManager, 'query'> = this.ds): Promise<void> {
    if (versions.length === 0) return;
    await db.query(`UPDATE catalog_version SET first_judged = now() WHERE version = ANY($1) AND first_judged IS NULL`, [[...new Set(versions)]]);
  }

  async list(): Promise<CatalogVersionRecord[]> {
    const rows = (await this.ds.query(`SELECT version, first_judged FROM catalog_version ORDER BY valid_from`)) as Array<{ version: string; first_judged: Date | null }>;
    return rows.map((r) => ({ version: r.version, firstJudged: r.first_judged ? r.first_judged.toISOString() : null }));
  }
}

function assertUnchanged(source: CatalogVersionSource, stored: StoredVersion, now: CatalogFingerprint): void {
  const { catalog } = source;
  const since = stored.first_judged!.toISOString().slice(0, 10);
  const refuse = (file: string, de: string, en: string, ruleId?: string): never => {
    throw new CatalogError(
      file,
      `Katalogversion ${catalog.version} wurde geändert, nachdem mit ihr Zeiträume beurteilt wurden (zuerst am ${since}): ${de}. ` +
        'Eine Änderung gehört in eine neue Version (eigener Ordner mit eigenem validFrom); die beurteilte Version bleibt, wie sie war. / ' +
        `Catalog version ${catalog.version} was changed after periods were judged with it (first on ${since}): ${en}. ` +
        'Put the change into a new version (its own folder and validFrom) and leave the judged version as it was.',
      ruleId,
    );
  };
  if (stored.valid_from !== catalog.validFrom) {
    refuse(source.headerFile, `validFrom war ${stored.valid_from}, ist jetzt ${catalog.validFrom}`, `validFrom was ${stored.valid_from}, is now ${catalog.validFrom}`);
  }
  for (const [ruleId, hash] of Object.entries(stored.rule_hashes)) {
    const current = now.ruleHashes[ruleId];
    if (current === undefined) refuse(source.headerFile, `die Regel ${ruleId} fehlt`, `rule ${ruleId} was removed`);
    if (current !== hash) {
      refuse(
        source.ruleFiles[ruleId] ?? source.headerFile,
        'Parameter, Prüfart, Verbindlichkeit oder Geltungsbereich der Regel sind anders',
        "the rule's parameters, check, obligation or offices differ",
        ruleId,
      );
    }
  }
}
