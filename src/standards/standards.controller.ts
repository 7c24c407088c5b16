import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ruleTraits, vocabulary, type Catalog, type CatalogVersionView, type CheckTraits, type Rule } from '../engine';
import { CatalogVersionRepository } from './catalog-version.repository';
import { CatalogService } from './catalog.service';

/** A rule as served: the catalog's entry plus what its check kind declares (needs, cadence, scope). */
export type ServedRule = Rule & CheckTraits;

export type StandardsView = Omit<Catalog, 'rules'> & { rules: ServedRule[]; versions: CatalogVersionView[]; vocabulary: ReturnType<typeof vocabulary> };

@ApiTags('Standards')
@ApiBearerAuth()
@Controller('api/v1/standards')
export class StandardsController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly catalogVersions: CatalogVersionRepository,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Der Regelkatalog in Kraft: Regeln, Fundstellen, Parameter und ihre Auslegung, je Regel needs, cadence und scope, die aufgeführten, nicht geprüften Standards (notChecked), alle Katalogversionen mit Gültigkeit (versions), dazu die deutschen Bezeichnungen (vocabulary)',
  })
  async get(): Promise<StandardsView> {
    // The German words for statuses, obligations and roles travel with the catalog: pages use them
    // instead of keeping copies (one vocabulary). Each rule carries its check kind's needs (what
    // evidence it reads), cadence (week or month) and scope (office or district), so pages know,
    // e.g., which rules a schedule pre-check shows and which rule has a district row.
    const current = this.catalog.catalog;
    const judged = new Map((await this.catalogVersions.list()).map((v) => [v.version, v.firstJudged]));
    const versions = this.catalog.versions.map((v) => ({
      version: v.version,
      validFrom: v.validFrom,
      validUntil: v.validUntil ?? null,
      inForce: v === current,
      firstJudged: judged.get(v.version) ?? null,
    }));
    const { rules, ...catalog } = current;
    return { ...catalog, rules: rules.map((rule) => ({ ...rule, ...ruleTraits(rule) })), versions, vocabulary: vocabulary() };
  }
}
