// Must stay the first import: tracing, when on, patches http, fastify and pg before they load.
import { stopTracing } from './tracing';
import { createApp } from './app.factory';
import { limitHeapGrowth } from './bootstrap/heap-growth';
import { explainStartupFailure } from './bootstrap/startup-failure';
import { AppConfig } from './config/app-config';
import { loadConfig } from './config/load-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { runMigrations } from './database/migrate';

/** From the signal to the exit, at most (README.md, "Stopping the service"). */
const STOP_DEADLINE_MS = 9_500;
/** The HTTP drain's share of it; Nest's shutdown hooks and the embedded server get the rest. */
const DRAIN_TIMINGS = { acceptQueueMs: 3_000, timeoutMs: 5_000, firstRequestGraceMs: 2_000 };

let config: AppConfig | undefined;
let embedded: EmbeddedDatabase | undefined;

async function bootstrap(): Promise<void> {
  limitHeapGrowth();
  config = loadConfig();
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPostgresPort,
    });
    databaseUrl = embedded.url;
  }
  const applied = await runMigrations(databaseUrl);
  const { app, logger, drain } = await createApp({ ...config, databaseUrl });
  if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
  if (embedded?.relocatedTo)
    logger.info(
      { postgres: embedded.relocatedTo, cluster: embedded.clusterDir },
      `running as root in a folder the postgres account cannot enter: the embedded PostgreSQL ` +
        `runs from ${embedded.relocatedTo} and keeps this project's data in ${embedded.clusterDir}`,
    );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    // Whatever hangs, the process is gone within STOP_DEADLINE_MS of the signal.
    setTimeout(() => {
      logger.error({ signal }, 'shutdown did not finish in time: exiting anyway');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    logger.info({ signal }, 'shutting down: the port closes, requests in flight finish');
    // The port first, the jobs and the pool after: every request in flight still has its database.
    const drained = await drain.drain(DRAIN_TIMINGS);
    logger.info(drained, 'connections drained: stopping background jobs');
    await app.close();
    await embedded?.stop();
    await stopTracing();
    logger.info('shutdown complete');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  process.removeListener('uncaughtException', failStartup);
  const url = `http://localhost:${config.port}`;
  logger.info(
    {
      url,
      docs: `${url}/docs`,
      database: embedded ? `embedded PostgreSQL in ${embedded.clusterDir}` : 'DATABASE_URL',
    },
    `Ombudsman service listening on ${url} — API docs at ${url}/docs — ` +
      'get a staff token with: npm run token -- --sub alice --roles ombudsman --name "Alice A"',
  );
}

/** Any failure before the service listens: its cause on one line, never a stack. */
async function failStartup(error: unknown): Promise<void> {
  const failure = explainStartupFailure(error, {
    port: config?.port ?? 0,
    databaseUrl: config?.databaseUrl,
  });
  await embedded?.stop().catch(() => undefined);
  for (const line of failure.details) console.error(line);
  console.error(failure.line);
  process.exit(failure.exitCode);
}

// An 'error' event nobody listens to during start-up is a start-up failure like any other.
process.on('uncaughtException', failStartup);
bootstrap().catch(failStartup);
