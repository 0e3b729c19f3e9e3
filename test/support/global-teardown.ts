import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __testPostgres?: { stop(): Promise<void> } }).__testPostgres;
  await server?.stop();
  const dataDir = process.env.TEST_PG_DATA_DIR;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
