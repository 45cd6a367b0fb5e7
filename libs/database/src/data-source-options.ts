import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { OutboxCommitSubscriber } from './outbox-commits';
import { PooledClient } from './pooled-client';

/** The options every DataSource of Bisang is made from: apps, CLI and tests alike. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    subscribers: [OutboxCommitSubscriber],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    // PooledClient: a connection PostgreSQL terminated is dropped, never handed to the next request.
    extra: { max: 20, application_name: 'bisang', Client: PooledClient },
  };
}

