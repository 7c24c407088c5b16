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
  /**
   * `target` may still be on its way (the embedded database opening in its thread): Nest builds the
   * modules meanwhile, and whatever needs the database (the data source, DATABASE_TARGET and all that
   * inject them) waits for it. Awaited in the options' factory, which TypeORM does not retry, so a
   * database that fails to open fails the start once, as before.
   */
  static register(target: DatabaseTarget | Promise<DatabaseTarget>): DynamicModule {
    const report: MigrationReport = { applied: [] };
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => dataSourceOptions(await target),
          dataSourceFactory: async () => openDataSource(await target, { migrate: true, report }),
        }),
      ],
      providers: [
        { provide: DATABASE_TARGET, useFactory: () => target },
        { provide: MIGRATION_REPORT, useValue: report },
        ServerChangeListener,
      ],
      exports: [DATABASE_TARGET, MIGRATION_REPORT],
    };
  }
}
