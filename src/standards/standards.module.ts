import { Global, Module } from '@nestjs/common';
import { CatalogVersionRepository } from './catalog-version.repository';
import { CatalogService, STANDARDS_DIR, standardsDir } from './catalog.service';
import { StandardsController } from './standards.controller';

@Global()
@Module({
  controllers: [StandardsController],
  providers: [{ provide: STANDARDS_DIR, useFactory: standardsDir }, CatalogService, CatalogVersionRepository],
  exports: [CatalogService, CatalogVersionRepository],
})
export class StandardsModule {}
