import { existsSync, readFileSync, rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __testPostgres?: { stop(): Promise<void> } }).__testPostgres;
  await server?.stop();
  printCheckedResponses();
  const dataDir = process.env.TEST_PG_DATA_DIR;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

function printCheckedResponses(): void {
  const file = process.env.TEST_OPENAPI_COUNT_FILE;
  if (!file || !existsSync(file)) return;
  const counts = readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number);
  const total = counts.reduce((sum, n) => sum + n, 0);
  console.log(`\nopenapi.json: ${total} responses checked in ${counts.length} test files`);
}
