import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, openDataSource } from './data-source.factory';
import { DatabaseTarget } from './database-target';

export const DATABASE_TARGET = Symbol('DATABASE_TARGET');

/** One code path for both databases: TypeORM's postgres driver, migrations run before anything else. */
@Module({})
export class DatabaseModule {
  static register(target: DatabaseTarget): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(target),
          dataSourceFactory: () => openDataSource(target),
        }),
      ],
      providers: [{ provide: DATABASE_TARGET, useValue: target }],
      exports: [DATABASE_TARGET],
    };
  }
}
