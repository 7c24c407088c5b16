import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, openDataSource } from './data-source.factory';
import { DatabaseTarget } from './database-target';
import { DATABASE_TARGET, MIGRATION_REPORT } from './database-tokens';
import { ServerChangeListener } from './server-change-listener';

export { DATABASE_TARGET, MIGRATION_REPORT };

/** Which migrations this process applied when it opened the database (for `npm run migrate`). */
export interface MigrationReport {
  applied: string[];
}

/** One code path for both databases: TypeORM's postgres driver, migrations run before anything else. */
@Module({})
export class DatabaseModule {
  static register(target: DatabaseTarget): DynamicModule {
    const report: MigrationReport = { applied: [] };
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(target),
          dataSourceFactory: () => openDataSource(target, { migrate: true, report }),
        }),
      ],
      providers: [
        { provide: DATABASE_TARGET, useValue: target },
        { provide: MIGRATION_REPORT, useValue: report },
        ServerChangeListener,
      ],
      exports: [DATABASE_TARGET, MIGRATION_REPORT],
    };
  }
}
