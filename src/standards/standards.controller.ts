import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { vocabulary, type Catalog } from '../engine';
import { CatalogService } from './catalog.service';

@ApiTags('Standards')
@ApiBearerAuth()
@Controller('api/v1/standards')
export class StandardsController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiOperation({ summary: 'Der Regelkatalog in Kraft: Regeln, Fundstellen, Parameter und ihre Auslegung, dazu die deutschen Bezeichnungen (vocabulary)' })
  get(): Catalog & { vocabulary: ReturnType<typeof vocabulary> } {
    // The German words for statuses, obligations and roles travel with the catalog: pages use them
    // instead of keeping copies (one vocabulary).
    return { ...this.catalog.catalog, vocabulary: vocabulary() };
  }
}
