import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { rowsOf, text } from '../common/sql-rows';

/** A migration that failed; its own transaction was rolled back, earlier ones stay applied. */
export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    override readonly cause: Error,
  ) {
    super(`migration ${migration} failed: ${cause.message.split('\n')[0]}`);
    this.name = 'MigrationError';
  }
}

/** Applies every pending migration; each runs in its own transaction. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, { poolSize: 2 }) });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } catch (error) {
    throw new MigrationError(await firstPending(dataSource), error as Error);
  } finally {
    await dataSource.destroy();
  }
}

/** The failing migration is the first one not recorded as applied (they run in order). */
async function firstPending(dataSource: DataSource): Promise<string> {
  try {
    const names = rowsOf(await dataSource.query(`SELECT name FROM schema_migrations`), (row) =>
      text(row, 'name'),
    );
    const applied = new Set(names);
    const pending = dataSource.migrations.find((m) => !applied.has(m.name ?? m.constructor.name));
    return pending?.name ?? pending?.constructor.name ?? 'unknown';
  } catch {
    return dataSource.migrations[0]?.name ?? 'unknown';
  }
}
