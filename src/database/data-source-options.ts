import { DataSourceOptions, EntitySchema } from 'typeorm';
import { MIGRATIONS } from '../../migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type
export type EntityList = readonly (Function | EntitySchema)[];

/**
 * One place for how the service talks to PostgreSQL: migrations only, never synchronize. The
 * entity classes come from the composition root (src/entities.ts): platform knows no capability.
 */
export function dataSourceOptions(
  url: string,
  extra: { poolSize?: number; poolTimeoutMs?: number; entities?: EntityList } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [...(extra.entities ?? [])],
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
