import { Global, Module } from '@nestjs/common';
import { CatalogService } from './catalog.service';
import { StandardsController } from './standards.controller';

@Global()
@Module({ controllers: [StandardsController], providers: [CatalogService], exports: [CatalogService] })
export class StandardsModule {}
