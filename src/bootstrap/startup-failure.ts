import { ConfigError } from '../config/config-error';
import { EmbeddedPostgresError } from '../database/embedded-postgres';
import { MigrationError } from '../database/migrate';

/** What the operator sees when the service cannot start: context lines, then one clear line. */
export interface StartupFailure {
  readonly details: readonly string[];
  readonly line: string;
  readonly exitCode: number;
}

/** sysexits(3): a configuration the operator must change. */
const EX_CONFIG = 78;

interface Context {
  readonly port: number;
  /** The external database, when DATABASE_URL is set. */
  readonly databaseUrl?: string;
}

/**
 * Every known way a start can fail becomes its cause and what to do, on one line, never a stack:
 * the person starting the service for the first time should know at once what to change.
 */
export function explainStartupFailure(error: unknown, context: Context): StartupFailure {
  if (error instanceof ConfigError)
    return { details: [], line: error.message, exitCode: EX_CONFIG };
  if (error instanceof EmbeddedPostgresError)
    return {
      details: error.logLines.map((line) => `  postgres: ${line}`),
      line: `Start-up failed: ${error.message}`,
      exitCode: 1,
    };
  if (error instanceof MigrationError)
    return {
      details: [],
      line:
        `Start-up failed: ${error.message} — that migration was rolled back and the service did not start; ` +
        'fix the cause in the database (or restore it) and start again',
      exitCode: 1,
    };
  const code = (error as { code?: string } | undefined)?.code;
  const database = context.databaseUrl ? describeDatabase(context.databaseUrl) : undefined;
  const message = firstLine(error);
  if (code === 'EADDRINUSE')
    return fail(
      `port ${context.port} is already in use by another program: stop it, or start with PORT set to a free port`,
    );
  if (code === 'EACCES' && /listen/.test(message))
    return fail(`not allowed to listen on port ${context.port}: use a port above 1023 (PORT)`);
  if (database) {
    if (
      ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code ?? '')
    )
      return fail(
        `cannot reach PostgreSQL at ${database.server} (${code}): check DATABASE_URL and that the server is running`,
        EX_CONFIG,
      );
    if (
      /timeout exceeded when trying to connect|Connection terminated due to connection timeout/i.test(
        message,
      )
    )
      return fail(
        `cannot reach PostgreSQL at ${database.server} (no answer in time): check DATABASE_URL, the network and the server`,
        EX_CONFIG,
      );
    if (code === '28P01')
      return fail(
        `PostgreSQL at ${database.server} refused the password of user "${database.user}": correct the credentials in DATABASE_URL`,
        EX_CONFIG,
      );
    if (code === '28000')
      return fail(
        `PostgreSQL at ${database.server} does not let user "${database.user}" in (${message}): check the user in DATABASE_URL and pg_hba.conf`,
        EX_CONFIG,
      );
    if (code === '3D000')
      return fail(
        `database "${database.name}" does not exist on ${database.server}: create it (createdb ${database.name}) or correct DATABASE_URL`,
        EX_CONFIG,
      );
  }
  return fail(message);
}

function fail(problem: string, exitCode = 1): StartupFailure {
  return { details: [], line: `Start-up failed: ${problem}`, exitCode };
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] || (error as Error)?.name || 'unknown error';
}

/** Names the server, user and database of a URL without its password. */
function describeDatabase(url: string): { server: string; user: string; name: string } {
  const parsed = new URL(url);
  return {
    server: `${parsed.hostname}:${parsed.port || '5432'}`,
    user: decodeURIComponent(parsed.username),
    name: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || parsed.username,
  };
}
