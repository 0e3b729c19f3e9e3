import { createApp } from './app.factory';
import { AppConfig } from './config/app-config';
import { ConfigError } from './config/config-error';
import { loadConfig } from './config/load-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { runMigrations } from './database/migrate';

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPostgresPort,
    });
    databaseUrl = embedded.url;
  }
  const stopEmbedded = async () => embedded?.stop();
  try {
    const applied = await runMigrations(databaseUrl);
    const { app, logger } = await createApp({ ...config, databaseUrl });
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');

    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      logger.info({ signal }, 'shutting down: no new requests, finishing in-flight ones');
      await app.close();
      await stopEmbedded();
      logger.info('shutdown complete');
      process.exit(0);
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));

    await app.listen({ port: config.port, host: config.host });
    const url = `http://localhost:${config.port}`;
    logger.info(
      {
        url,
        docs: `${url}/docs`,
        database: embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL',
      },
      `Ombudsman service listening on ${url} — API docs at ${url}/docs — ` +
        'get a staff token with: npm run token -- --sub alice --roles ombudsman --name "Alice A"',
    );
  } catch (error) {
    await stopEmbedded();
    throw error;
  }
}

bootstrap().catch((error: unknown) => {
  console.error(`Start-up failed: ${(error as Error).message ?? String(error)}`);
  process.exit(1);
});
