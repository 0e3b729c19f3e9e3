import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';

/** One place for how the service talks to PostgreSQL: migrations only, never synchronize. */
export function dataSourceOptions(
  url: string,
  extra: { poolSize?: number; poolTimeoutMs?: number } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: extra.poolSize ?? 20,
      // A request never waits for a connection forever: it gets a 503 and the pool recovers.
      connectionTimeoutMillis: extra.poolTimeoutMs ?? 10_000,
      application_name: 'ombudsman',
    },
  };
}
