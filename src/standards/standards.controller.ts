import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Catalog } from '../engine';
import { CatalogService } from './catalog.service';

@ApiTags('Standards')
@ApiBearerAuth()
@Controller('api/v1/standards')
export class StandardsController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiOperation({ summary: 'Der Regelkatalog in Kraft: Regeln, Fundstellen, Parameter und ihre Auslegung' })
  get(): Catalog {
    return this.catalog.catalog;
  }
}
