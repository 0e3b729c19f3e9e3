/** The whole configuration, read once at start-up and injected; nothing else reads the environment. */
export interface AppConfig {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  /** External PostgreSQL; when absent the service starts an embedded one under `dataDir`. */
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly embeddedPostgresPort: number;
  readonly auth: AuthConfig;
  readonly http: HttpConfig;
  readonly logLevel: LogLevel;
  readonly policy: PolicyDefaults;
}

export interface AuthConfig {
  readonly algorithm: 'HS256' | 'RS256';
  /** HS256 secret (also used by `npm run token`), or the RS256 public key in PEM. */
  readonly verificationKey: string;
  /** Only for HS256: where the development secret came from, for the start-up hint. */
  readonly secretSource: 'environment' | 'generated' | 'public-key';
}

export interface HttpConfig {
  readonly bodyLimitBytes: number;
  readonly rateLimitPerMinute: number;
  readonly trustProxy: boolean;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface PolicyDefaults {
  readonly acknowledgeBusinessDays: number;
  readonly frontlineResponseBusinessDays: number;
  readonly outcomeCalendarDays: number;
  readonly decisionAnswerDays: number;
  readonly remedyPaymentDays: number;
  readonly escalationTimeLimitMonths: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
