import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@bisang/config';
import { dataSourceOptions } from './data-source-options';

/** The one PostgreSQL connection pool of a process. Repositories are provided by the feature modules that use them. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.databaseUrl), retryAttempts: 3, retryDelay: 500 }),
    }),
  ],
})
export class DatabaseModule {}
