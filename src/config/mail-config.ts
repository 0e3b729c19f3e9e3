import { AppConfig, MailConfig, WebhooksConfig } from './app-config';
import { ConfigError } from './config-error';
import { readEnum, readInt } from './parsers';

type Env = Record<string, string | undefined>;

const LANGUAGES = ['en', 'ru', 'zh'] as const;
// A deliberately plain address check: one @, no spaces, controls, commas or angle brackets, so
// that a configured address can never open another header or recipient.
const PART = String.raw`[^\s@<>,;"()[\]\\\p{Cc}]+`;
const ADDRESS = new RegExp(`^${PART}@${PART}\\.${PART}$`, 'u');

/**
 * E-mail to the parties. Without SMTP_URL every message is written as an .eml file under
 * DATA_DIR/mail instead of being sent. The dispatcher is off by default under NODE_ENV=test so
 * that the tests about mail drive it (as the webhook dispatcher).
 */
export function readMailConfig(
  env: Env,
  nodeEnv: AppConfig['nodeEnv'],
  port: number,
  webhooks: WebhooksConfig,
): MailConfig {
  const retryBaseMs = readInt(env, 'MAIL_RETRY_BASE_MS', 30_000, 1, 3_600_000);
  const retryMaxMs = readInt(env, 'MAIL_RETRY_MAX_MS', 6 * 3_600_000, 1, 7 * 86_400_000);
  if (retryMaxMs < retryBaseMs) {
    throw new ConfigError('MAIL_RETRY_MAX_MS', 'must not be below MAIL_RETRY_BASE_MS');
  }
  return {
    smtpUrl: readSmtpUrl(env),
    from: readFrom(env),
    publicBaseUrl: readBaseUrl(env, port),
    companyRecipients: readRecipients(env),
    companyLanguage: readEnum(env, 'COMPANY_NOTIFY_LANGUAGE', LANGUAGES, 'en'),
    dispatchIntervalMs: readInt(
      env,
      'MAIL_DISPATCH_INTERVAL_MS',
      nodeEnv === 'test' ? 0 : 1_000,
      0,
      3_600_000,
    ),
    maxAttempts: readInt(env, 'MAIL_MAX_ATTEMPTS', 20, 1, 100),
    retryBaseMs,
    retryMaxMs,
    timeoutMs: readInt(env, 'MAIL_TIMEOUT_MS', 20_000, 100, 300_000),
    maxConnections: readInt(env, 'MAIL_MAX_CONNECTIONS', 5, 1, 50),
    accessLinksPerCasePerHour: readInt(env, 'ACCESS_LINKS_PER_CASE_PER_HOUR', 3, 1, 1_000),
    accessLinksPerAddressPerHour: readInt(env, 'ACCESS_LINKS_PER_ADDRESS_PER_HOUR', 5, 1, 1_000),
    tokenKey: webhooks.secretKey,
  };
}

function readSmtpUrl(env: Env): string | undefined {
  const raw = env.SMTP_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('SMTP_URL', 'must be a URL such as smtp://user:password@host:587');
  }
  if (!['smtp:', 'smtps:'].includes(url.protocol)) {
    throw new ConfigError('SMTP_URL', 'must start with smtp:// or smtps://');
  }
  return raw;
}

/** `MAIL_FROM`: an address, or `Display Name <address>`. */
function readFrom(env: Env): { name?: string; address: string } {
  const raw = env.MAIL_FROM;
  if (raw === undefined || raw === '') return { name: 'Ombudsman', address: 'no-reply@localhost' };
  const named = /^([^<>\p{Cc}]*)<([^<>]+)>$/u.exec(raw.trim());
  const address = (named ? named[2] : raw).trim();
  if (!ADDRESS.test(address) && !/^[^\s@<>]+@localhost$/.test(address)) {
    throw new ConfigError('MAIL_FROM', 'must be an address or "Name <address>"');
  }
  const name = named?.[1].trim().replace(/^"|"$/g, '');
  return name ? { name, address } : { address };
}

function readBaseUrl(env: Env, port: number): string {
  const raw = env.PUBLIC_BASE_URL;
  if (raw === undefined || raw === '') return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('PUBLIC_BASE_URL', 'must be a URL such as https://ombudsman.example');
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
    throw new ConfigError('PUBLIC_BASE_URL', 'must be an http(s) URL without query or fragment');
  }
  return raw.replace(/\/+$/, '');
}

function readRecipients(env: Env): readonly string[] {
  const raw = env.COMPANY_NOTIFY_EMAIL;
  if (raw === undefined || raw.trim() === '') return [];
  const addresses = raw.split(',').map((part) => part.trim().toLowerCase());
  const bad = addresses.find((address) => !ADDRESS.test(address));
  if (bad !== undefined) {
    throw new ConfigError('COMPANY_NOTIFY_EMAIL', `holds "${bad}", which is not an address`);
  }
  return [...new Set(addresses)];
}
