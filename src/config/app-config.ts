import type { LogLevel } from '../common/logging/pino-logger';

/** The whole configuration, read once at start-up and injected; nothing else reads the environment. */
export interface AppConfig {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  /** External PostgreSQL; when absent the service starts an embedded one under `dataDir`. */
  readonly databaseUrl?: string;
  /** Connections per instance; every request holds at most one at a time. */
  readonly databasePoolSize: number;
  /** How long a request waits for a free connection before it answers 503. */
  readonly databasePoolTimeoutMs: number;
  readonly dataDir: string;
  readonly embeddedPostgresPort: number;
  readonly auth: AuthConfig;
  readonly http: HttpConfig;
  readonly logLevel: LogLevel;
  readonly policy: PolicyDefaults;
  readonly compensation: CompensationConfig;
  readonly sla: SlaSweepConfig;
  readonly webhooks: WebhooksConfig;
  readonly mail: MailConfig;
  readonly documents: DocumentsConfig;
  readonly metrics: MetricsConfig;
  readonly tracing: TracingConfig;
}

/** OpenTelemetry traces: on only when an OTLP endpoint is set; off, nothing of it is loaded. */
export interface TracingConfig {
  readonly enabled: boolean;
  readonly serviceName: string;
}

/** Who may scrape `GET /metrics`, and how long the figures read from the database are reused. */
export interface MetricsConfig {
  /** A bearer token Prometheus sends; without one only loopback callers are answered. */
  readonly token?: string;
  /** Case, deadline, outbox and webhook figures are read at most once per this many ms. */
  readonly cacheMs: number;
}

/** How staff tokens are verified: a key of our own (HS256 secret, RS256 public key) or the IdP's. */
export type AuthConfig = LocalKeyAuthConfig | KeySetAuthConfig;

interface AuthRules {
  readonly tokenRules: TokenRules;
  readonly claims: ClaimMapping;
}

export interface LocalKeyAuthConfig extends AuthRules {
  readonly algorithm: 'HS256' | 'RS256';
  /** HS256 secret (also used by `npm run token`), or the RS256 public key in PEM. */
  readonly verificationKey: string;
  /** Only for HS256: where the development secret came from, for the start-up hint. */
  readonly secretSource: 'environment' | 'generated' | 'public-key';
}

/** Tokens of the organisation's identity provider, verified with the keys it publishes. */
export interface KeySetAuthConfig extends AuthRules {
  readonly algorithm: 'JWKS';
  readonly jwks: JwksConfig;
}

export interface JwksConfig {
  /** The IdP's JSON Web Key Set (https, or http on a loopback address). */
  readonly url: string;
  /** Asymmetric algorithms accepted; a token naming any other is refused before a key is sought. */
  readonly algorithms: readonly string[];
  /** After a fetch, an unknown `kid` waits this long before the set is fetched again. */
  readonly cooldownMs: number;
  /** A set older than this is fetched again on the next token, known `kid` or not. */
  readonly cacheMaxAgeMs: number;
  /** How long one fetch of the set may take. */
  readonly timeoutMs: number;
}

/** Where the claims this service reads sit in a token: a top-level name or a dotted path. */
export interface ClaimMapping {
  readonly roles: string;
  readonly name: string;
}

/** What a staff token must show besides a good signature. */
export interface TokenRules {
  /** `iss` must equal this when set. */
  readonly issuer?: string;
  /** `aud` (a string or a list) must hold this when set. */
  readonly audience?: string;
  /** The longest a token may live, `exp − iat`. */
  readonly maxLifetimeSeconds: number;
  /** How far the issuer's clock may be from ours, applied to `exp`, `nbf` and `iat`. */
  readonly clockToleranceSeconds: number;
}

export interface HttpConfig {
  /** Largest body of a staff route. */
  readonly bodyLimitBytes: number;
  /** Largest body of a public route (`/v1/escalations…`, `/v1/public…`): anyone may send one. */
  readonly publicBodyLimitBytes: number;
  /** Most keys and array elements a JSON body may hold in all, at every depth. */
  readonly bodyMaxNodes: number;
  /** Deepest nesting of objects and arrays a JSON body may have. */
  readonly bodyMaxDepth: number;
  /** Time for a whole request (headers and body) to arrive; 408 after it. */
  readonly requestTimeoutMs: number;
  /** Time for the request line and headers to arrive; 408 after it. */
  readonly headersTimeoutMs: number;
  /** Silence on a connection, at any stage, after which it is closed. */
  readonly connectionTimeoutMs: number;
  /** How long an idle keep-alive connection waits for its next request. */
  readonly keepAliveTimeoutMs: number;
  /** Connections one instance holds at once; more are closed as they arrive. */
  readonly maxConnections: number;
  /** The larger body of a bulk route (`POST /v1/frontline/complaints:import`). */
  readonly importBodyLimitBytes: number;
  /** Most keys and array elements the body of a bulk route may hold. */
  readonly importBodyMaxNodes: number;
  readonly rateLimitPerMinute: number;
  /** Wrong case access tokens per case reference and hour before further ones answer 429. */
  readonly caseTokenFailuresPerHour: number;
  readonly trustProxy: boolean;
}

export interface PolicyDefaults {
  readonly acknowledgeBusinessDays: number;
  readonly frontlineResponseBusinessDays: number;
  readonly outcomeCalendarDays: number;
  readonly decisionAnswerDays: number;
  readonly remedyPaymentDays: number;
  /** When the office asks a question without naming a date. */
  readonly informationRequestDays: number;
  readonly escalationTimeLimitMonths: number;
}

/** The breach sweep: how often each instance runs it, and rows per transaction. */
export interface SlaSweepConfig {
  /** 0 turns the background sweep off (the default under NODE_ENV=test: tests call `run`). */
  readonly sweepIntervalMs: number;
  readonly sweepBatchSize: number;
  /** How long an instance reuses the policy and calendar of a deadline kind; 0 reads them each time. */
  readonly policyCacheMs: number;
}

export interface WebhooksConfig {
  /** Lets subscriptions point at loopback and private networks (tests, local development). */
  readonly allowPrivateAddresses: boolean;
  /** How often the background dispatcher runs; 0 turns it off (the default under NODE_ENV=test). */
  readonly dispatchIntervalMs: number;
  readonly maxAttempts: number;
  readonly timeoutMs: number;
  /** Exponential backoff with full jitter: attempt n waits up to min(max, base × 2^(n-1)). */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** Finished deliveries (and events fully delivered) older than this many days are purged. */
  readonly deliveryRetentionDays: number;
  /** Encrypts subscription secrets at rest; absent with RS256 and no WEBHOOK_SECRET_KEY. */
  readonly secretKey?: string;
}

export type MailLanguage = 'en' | 'ru' | 'zh';

export interface MailConfig {
  /** smtp:// or smtps://; absent: messages are written as .eml files under DATA_DIR/mail. */
  readonly smtpUrl?: string;
  readonly from: { readonly name?: string; readonly address: string };
  /** Where links in messages point (the customer and company sites), without a trailing slash. */
  readonly publicBaseUrl: string;
  /** The company's addresses for its notifications; none: company messages are not sent. */
  readonly companyRecipients: readonly string[];
  readonly companyLanguage: MailLanguage;
  /** How often the mail dispatcher runs; 0 turns it off (the default under NODE_ENV=test). */
  readonly dispatchIntervalMs: number;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** SMTP connection, greeting and socket timeout of one attempt. */
  readonly timeoutMs: number;
  /** Pooled SMTP connections per instance. */
  readonly maxConnections: number;
  readonly accessLinksPerCasePerHour: number;
  /** Access links mailed to one address per hour, over all its cases. */
  readonly accessLinksPerAddressPerHour: number;
  /** Seals an access-link token until its message is sent; absent: no access links. */
  readonly tokenKey?: string;
}

/** Evidence files on cases: where they are kept and what is accepted. */
export interface DocumentsConfig {
  readonly store: 'postgres' | 's3';
  /** Largest file accepted; reading stops there (413). */
  readonly maxBytes: number;
  readonly maxPerCase: number;
  /** How long after a case closes its parties may still list and download its documents. */
  readonly partyAccessDaysAfterClosure: number;
  /** Wraps each document's data key; absent with RS256 and no DOCUMENT_MASTER_KEY (uploads 503). */
  readonly masterKey?: string;
  readonly s3?: S3StoreConfig;
}

export interface S3StoreConfig {
  readonly bucket: string;
  /** An S3-compatible server (MinIO, …); absent for AWS itself. */
  readonly endpoint?: string;
  readonly region: string;
  /** Absent: the SDK's default credential chain (environment, instance role, …). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly forcePathStyle: boolean;
}

/** A pair of authority limits in major units of one currency. */
export interface AuthorityLimitsMajor {
  /** An officer may propose up to this per case without approval. */
  readonly officer: number;
  /** Above this, two different ombudsmen must approve (four eyes). */
  readonly fourEyes: number;
}

export interface CompensationConfig {
  readonly defaultLimits: AuthorityLimitsMajor;
  readonly limitsByCurrency: Readonly<Record<string, AuthorityLimitsMajor>>;
  /** The yearly compensation budget per currency, in major units. */
  readonly yearlyBudget: Readonly<Record<string, number>>;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
