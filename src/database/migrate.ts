import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Applies every pending migration; each runs in its own transaction. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, { poolSize: 2 }) });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
