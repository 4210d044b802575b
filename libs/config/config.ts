import { z } from 'zod';
import {
  blankAsUnset, duration, durationList, keyRing, optionalToken, port, singleKey, trustProxy, url, webOrigins, webUrl,
} from './config-fields';
import { BILLING_FIELDS, billingConfig, type BillingConfig } from './billing-config';
import { ConfigError } from './config-error';
import { deepFreeze } from './deep-freeze';
import { ENRICHMENT_FIELDS, enrichmentConfig, type EnrichmentConfig } from './enrichment-config';
import { WEBHOOK_FIELDS, webhookConfig, type WebhookConfig } from './webhook-config';
import type { KeyRing } from './master-keys';
import { WORKER_FIELDS, workerConfig, type WorkerConfig } from './worker-config';
import { SIGNUPS_FIELDS, signupsConfig, type SignupsConfig } from './signups-config';
import { vaultDatabaseUrlFor } from './vault-database-url';

export { vaultDatabaseUrlFor };

/**
 * The one place that reads process.env. Every variable is listed in .env.example with its
 * default and meaning; a missing or malformed one stops start-up with a message naming it.
 */
export interface AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly api: {
    readonly host: string;
    readonly port: number;
    readonly publicUrl: string;
    /**
     * Which proxies may tell the client's address (X-Forwarded-For), as Express's `trust proxy`
     * takes it: false (the socket's address, the default), true (any), a hop count, or addresses,
     * subnets and the names loopback, linklocal, uniquelocal.
     */
    readonly trustProxy: TrustProxy;
    /**
     * How deep a request body (or query) may nest objects and arrays; deeper ones are refused
     * with a 400 before anything walks them recursively (the DTO transformer would overflow).
     */
    readonly maxJsonDepth: number;
  };
  readonly database: { readonly url: string; readonly poolSize: number };
  readonly temporal: {
    readonly address: string;
    readonly namespace: string;
    readonly uiUrl: string | undefined;
    readonly payloadKeys: KeyRing;
    /** Longest wait for one call the API makes to Temporal (starting a workflow) before it answers 503. */
    readonly rpcTimeoutMs: number;
  };
  /**
   * The vault's own database (mailbox credentials, sealed): kept apart so a dump of the main
   * database holds no credential, even encrypted. Default: `<main database>_vault` on the same server.
   */
  readonly vault: { readonly masterKeys: KeyRing; readonly databaseUrl: string };
  /** Signed links (unsubscribe, open pixel, tracked links): the ring signs with its first key and verifies with all. */
  readonly tokens: { readonly signingKeys: KeyRing; readonly unsubscribeTtlMs: number; readonly trackingTtlMs: number };
  /** Key of the hashes that keep suppressed addresses without storing them. */
  readonly suppression: { readonly hashKey: Buffer };
  readonly sequencing: {
    readonly launchBatchSize: number;
    /** How long an auto-reply that gives no return date holds an enrollment's next email. */
    readonly autoReplyPauseMs: number;
    /**
     * A temporary failure the remote server gave up on (a DSN with Action: failed, status
     * 4.x.x): the email goes again after `afterMs`, at most `maxResends` times; one more such
     * bounce ends the enrollment.
     */
    readonly softBounceResend: { readonly afterMs: number; readonly maxResends: number };
    /**
     * A bounce that blames the sender (reputation, authentication, content…): the email goes
     * again after `afterMs`, at most `maxResends` times, the prospect never suppressed; the
     * mailbox pauses itself once `pauseAfter` such bounces came within `pauseWindowMs`.
     */
    readonly senderProblem: {
      readonly afterMs: number;
      readonly maxResends: number;
      readonly pauseAfter: number;
      readonly pauseWindowMs: number;
    };
    /**
     * A paused enrollment (by the rep, its campaign or its mailbox) reads its state again this
     * often, so a resume whose signal was lost delays it at most this long.
     */
    readonly pauseRecheckMs: number;
  };
  readonly mail: {
    readonly syncIntervalMs: number;
    readonly smtpTimeoutMs: number;
    readonly imapTimeoutMs: number;
    /**
     * Whether mail connections may go to this machine or a private network (MAIL_PRIVATE_HOSTS):
     * judged at every connection, on the address it connects to. Denied unless allowed.
     */
    readonly allowPrivateHosts: boolean;
  };
  readonly worker: WorkerConfig;
  /** /metrics on the API and the worker: open to any caller unless a bearer token is set. */
  readonly metrics: { readonly token: string | null };
  /** The Temporal codec endpoints (/codec on the API and on the console): the browser origins allowed to call them (the Temporal Web UI's). */
  readonly codec: { readonly corsOrigins: readonly string[] };
  /**
   * The account's own lifecycle: its export archives (written under `exportDir`, downloadable
   * through a signed link for `exportLinkTtlMs`) and its closure (purged after `closureGraceMs`
   * unless reactivated), whose certificate is signed with `certificateKeys`.
   */
  readonly accounts: {
    readonly exportDir: string;
    readonly exportLinkTtlMs: number;
    readonly closureGraceMs: number;
    readonly certificateKeys: KeyRing;
  };
  /**
   * CSV imports: uploaded files are kept under `dir` (one folder per account) until the account
   * closes; each limit is refused with an error naming it. `batchRows` rows commit together.
   */
  readonly imports: {
    readonly dir: string;
    readonly maxFileBytes: number;
    readonly maxRows: number;
    readonly maxColumns: number;
    readonly batchRows: number;
    /** How long an import may go without a heartbeat before another worker resumes it from its last batch. */
    readonly heartbeatTimeoutMs: number;
  };
  /** What the retention schedules keep, for how long, and how often they run (the privacy policy's durations). */
  readonly retention: {
    /** Request logs older than this move into compressed archives. */
    readonly requestLogMaxAgeMs: number;
    /** Archives whose day is older than this are destroyed. */
    readonly archiveMaxAgeMs: number;
    /** Where the gzip JSON-lines archives of request logs are written. */
    readonly archiveDir: string;
    /** Support conversations of a deleted account are deleted this long after its deletion. */
    readonly supportConversationMaxAgeMs: number;
    /** Revoked staff tokens are removed this long after their revocation. */
    readonly revokedTokenMaxAgeMs: number;
    /** How often each retention schedule runs. */
    readonly intervalMs: number;
  };
  /** Bulk actions on prospects (POST /v1/prospects/bulk): at most this many ids per call. */
  readonly prospectBulk: { readonly maxIds: number };
  /** The API's request log table is written in batches: at most this often, or when this many rows wait. */
  readonly requestLog: { readonly flushIntervalMs: number; readonly batchSize: number };
  /** Data-subject requests (privacy-request workflows). */
  readonly privacy: {
    /** An unverified request closes as expired after this long, never executed. */
    readonly unverifiedExpiryMs: number;
    /** A verified request is due this long after its verification (once extended, twice that). */
    readonly deadlineMs: number;
    /** Staff are reminded this long before the due date, largest first (7d, 3d, 1d). */
    readonly reminderOffsetsMs: readonly number[];
    /** How long an access export's download link works. */
    readonly exportLinkTtlMs: number;
    /** Signs completion certificates (first key signs, all verify); null when unset (no request can complete). */
    readonly certificateKeys: KeyRing | null;
  };
  /** Relance's own mailbox, for mail to data subjects (verification links, notices, certificates). */
  readonly systemMail: { readonly smtpUrl: string | null; readonly from: string };
  /** The subprocessor registry: a change takes effect this long after it is made unless staff name a later date. */
  readonly subprocessors: { readonly noticePeriodMs: number };
  /** Email verification and enrichment providers (see enrichment-config.ts). */
  readonly enrichment: EnrichmentConfig;
  /**
   * Requests each API key may make per window (fixed windows counted in PostgreSQL, so every API
   * process shares them); `expensivePerKey` is the lower budget of the routes that start heavy work
   * (launches, batches, exports), counted on top of the general one.
   */
  readonly rateLimits: { readonly perKey: number; readonly expensivePerKey: number; readonly windowMs: number };
  /** How long an `Idempotency-Key` and the answer it stored are kept (a repeat within it gets that answer). */
  readonly idempotency: { readonly keyTtlMs: number };
  /** Stripe billing and plan limits (billing-config.ts); null: billing off, every account unlimited. */
  readonly billing: BillingConfig | null;
  /** Sign-ups and invitations (see signups-config.ts). */
  readonly signups: SignupsConfig;
  /** Outbound webhooks (see webhook-config.ts). */
  readonly webhooks: WebhookConfig;
}

/** Where `temporal server start-dev` serves its Web UI by default (and `npm start` when the port is free). */
export const DEFAULT_TEMPORAL_UI_URL = 'http://127.0.0.1:8233';

export { ConfigError };
export type TrustProxy = boolean | number | readonly string[];

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port(3000),
  API_PUBLIC_URL: webUrl().optional(),
  TRUST_PROXY: trustProxy,
  // The API's own bodies nest 5 levels (a campaign's step variants); the DTO transformer
  // overflows the call stack somewhere past a thousand.
  API_MAX_JSON_DEPTH: z.coerce.number().int().min(8).max(256).default(32),
  DATABASE_URL: url('is required (postgres://user:password@host:5432/database)').refine(
    (value) => /^postgres(ql)?:\/\//.test(value),
    'must start with postgres://',
  ),
  VAULT_DATABASE_URL: z.string().url({ message: 'must be a URL' }).refine(
    (value) => /^postgres(ql)?:\/\//.test(value),
    'must start with postgres://',
  ).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TEMPORAL_ADDRESS: z
    .string({ error: 'is required (host:port of the Temporal frontend, e.g. 127.0.0.1:7233)' })
    .regex(/^[^\s:]+:\d+$/, 'must be host:port'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_UI_URL: webUrl().optional(),
  TEMPORAL_PAYLOAD_KEYS: keyRing,
  TEMPORAL_RPC_TIMEOUT: duration('10s', 100),
  VAULT_MASTER_KEYS: keyRing,
  TOKEN_SIGNING_KEYS: keyRing,
  SUPPRESSION_HASH_KEY: singleKey,
  UNSUBSCRIBE_TOKEN_TTL: duration('365d', 60_000),
  TRACKING_TOKEN_TTL: duration('365d', 60_000),
  LAUNCH_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(100),
  PROSPECT_BULK_MAX: z.coerce.number().int().min(1).max(10_000).default(1_000),
  AUTO_REPLY_PAUSE: duration('7d', 0),
  SOFT_BOUNCE_RESEND_AFTER: duration('1d', 1_000),
  SOFT_BOUNCE_MAX_RESENDS: z.coerce.number().int().min(0).max(10).default(2),
  SENDER_BOUNCE_RESEND_AFTER: duration('2d', 1_000),
  SENDER_BOUNCE_MAX_RESENDS: z.coerce.number().int().min(0).max(10).default(1),
  MAILBOX_PAUSE_SENDER_BOUNCES: z.coerce.number().int().min(1).max(10_000).default(3),
  MAILBOX_PAUSE_WINDOW: duration('24h', 1_000),
  PAUSE_RECHECK_INTERVAL: duration('1h', 1_000),
  MAILBOX_SYNC_INTERVAL: duration('60s', 100),
  SMTP_TIMEOUT: duration('10s', 100),
  IMAP_TIMEOUT: duration('15s', 100),
  MAIL_PRIVATE_HOSTS: z.enum(['allow', 'deny']).default('deny'),
  ...WORKER_FIELDS,
  METRICS_TOKEN: optionalToken,
  CODEC_CORS_ORIGINS: z.preprocess(blankAsUnset, webOrigins.optional()),
  ACCOUNT_EXPORT_DIR: z.string().min(1).default('.data/exports'),
  IMPORT_DIR: z.string().min(1).default('.data/imports'),
  IMPORT_MAX_FILE_BYTES: z.coerce.number().int().min(1).default(200 * 1024 * 1024),
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(1_000_000),
  IMPORT_MAX_COLUMNS: z.coerce.number().int().min(1).max(10_000).default(100),
  IMPORT_BATCH_ROWS: z.coerce.number().int().min(1).max(10_000).default(1_000),
  IMPORT_HEARTBEAT_TIMEOUT: duration('30s', 1_000),
  ACCOUNT_EXPORT_LINK_TTL: duration('7d', 1_000),
  ACCOUNT_CLOSURE_GRACE: duration('90d', 0),
  REQUEST_LOG_RETENTION: duration('30d', 1_000),
  REQUEST_LOG_ARCHIVE_RETENTION: duration('365d', 1_000),
  REQUEST_LOG_ARCHIVE_DIR: z.string().min(1).default('.data/request-log-archives'),
  SUPPORT_CONVERSATION_RETENTION: duration('90d', 1_000),
  REVOKED_TOKEN_RETENTION: duration('30d', 1_000),
  RETENTION_INTERVAL: duration('1d', 1_000),
  REQUEST_LOG_FLUSH_INTERVAL: duration('1s', 10),
  REQUEST_LOG_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(200),
  PRIVACY_UNVERIFIED_EXPIRY: duration('14d', 1_000),
  PRIVACY_REQUEST_DEADLINE: duration('28d', 1_000),
  PRIVACY_REMINDERS: durationList('7d,3d,1d'),
  PRIVACY_EXPORT_LINK_TTL: duration('7d', 60_000),
  // docker-compose passes unset variables as empty strings: empty means unset here.
  PRIVACY_CERTIFICATE_KEYS: z.preprocess(blankAsUnset, keyRing.optional()),
  SYSTEM_MAIL_SMTP_URL: z.preprocess(blankAsUnset, z.string().refine((value) => /^smtps?:\/\//.test(value), 'must start with smtp:// or smtps://').optional()),
  SYSTEM_MAIL_FROM: z.string().email({ message: 'must be an email address' }).default('privacy@relance.invalid'),
  SUBPROCESSOR_NOTICE_PERIOD: duration('30d', 1_000),
  ...ENRICHMENT_FIELDS,
  ...WEBHOOK_FIELDS,
  API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  API_RATE_LIMIT_EXPENSIVE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  API_RATE_LIMIT_WINDOW: duration('1m', 1_000),
  IDEMPOTENCY_KEY_TTL: duration('24h', 1_000),
  ...BILLING_FIELDS,
  ...SIGNUPS_FIELDS,
});

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const v = parsed.data;
  const billing = billingConfig(v);
  return deepFreeze({
    env: v.NODE_ENV,
    logLevel: v.LOG_LEVEL,
    api: {
      host: v.API_HOST,
      port: v.API_PORT,
      publicUrl: v.API_PUBLIC_URL ?? `http://${v.API_HOST}:${v.API_PORT}`,
      trustProxy: v.TRUST_PROXY,
      maxJsonDepth: v.API_MAX_JSON_DEPTH,
    },
    database: { url: v.DATABASE_URL, poolSize: v.DATABASE_POOL_SIZE },
    temporal: {
      address: v.TEMPORAL_ADDRESS,
      namespace: v.TEMPORAL_NAMESPACE,
      uiUrl: v.TEMPORAL_UI_URL,
      payloadKeys: v.TEMPORAL_PAYLOAD_KEYS,
      rpcTimeoutMs: v.TEMPORAL_RPC_TIMEOUT,
    },
    vault: { masterKeys: v.VAULT_MASTER_KEYS, databaseUrl: v.VAULT_DATABASE_URL ?? vaultDatabaseUrlFor(v.DATABASE_URL) },
    tokens: {
      signingKeys: v.TOKEN_SIGNING_KEYS,
      unsubscribeTtlMs: v.UNSUBSCRIBE_TOKEN_TTL,
      trackingTtlMs: v.TRACKING_TOKEN_TTL,
    },
    suppression: { hashKey: v.SUPPRESSION_HASH_KEY },
    sequencing: {
      launchBatchSize: v.LAUNCH_BATCH_SIZE,
      autoReplyPauseMs: v.AUTO_REPLY_PAUSE,
      softBounceResend: { afterMs: v.SOFT_BOUNCE_RESEND_AFTER, maxResends: v.SOFT_BOUNCE_MAX_RESENDS },
      senderProblem: {
        afterMs: v.SENDER_BOUNCE_RESEND_AFTER,
        maxResends: v.SENDER_BOUNCE_MAX_RESENDS,
        pauseAfter: v.MAILBOX_PAUSE_SENDER_BOUNCES,
        pauseWindowMs: v.MAILBOX_PAUSE_WINDOW,
      },
      pauseRecheckMs: v.PAUSE_RECHECK_INTERVAL,
    },
    mail: {
      syncIntervalMs: v.MAILBOX_SYNC_INTERVAL,
      smtpTimeoutMs: v.SMTP_TIMEOUT,
      imapTimeoutMs: v.IMAP_TIMEOUT,
      // Tenants name their own servers: unless the operator says so, none may lead into this network.
      allowPrivateHosts: v.MAIL_PRIVATE_HOSTS === 'allow',
    },
    worker: workerConfig(v),
    metrics: { token: v.METRICS_TOKEN ?? null },
    // The UI the operators open decodes through /codec: its origin, else the dev server's usual one.
    codec: { corsOrigins: v.CODEC_CORS_ORIGINS ?? [new URL(v.TEMPORAL_UI_URL ?? DEFAULT_TEMPORAL_UI_URL).origin] },
    accounts: {
      exportDir: v.ACCOUNT_EXPORT_DIR,
      exportLinkTtlMs: v.ACCOUNT_EXPORT_LINK_TTL,
      closureGraceMs: v.ACCOUNT_CLOSURE_GRACE,
      // One ring for every certificate: the privacy requests' (without it, the signing keys of links).
      certificateKeys: v.PRIVACY_CERTIFICATE_KEYS ?? v.TOKEN_SIGNING_KEYS,
    },
    imports: {
      dir: v.IMPORT_DIR,
      maxFileBytes: v.IMPORT_MAX_FILE_BYTES,
      maxRows: v.IMPORT_MAX_ROWS,
      maxColumns: v.IMPORT_MAX_COLUMNS,
      batchRows: v.IMPORT_BATCH_ROWS,
      heartbeatTimeoutMs: v.IMPORT_HEARTBEAT_TIMEOUT,
    },
    retention: {
      requestLogMaxAgeMs: v.REQUEST_LOG_RETENTION,
      archiveMaxAgeMs: v.REQUEST_LOG_ARCHIVE_RETENTION,
      archiveDir: v.REQUEST_LOG_ARCHIVE_DIR,
      supportConversationMaxAgeMs: v.SUPPORT_CONVERSATION_RETENTION,
      revokedTokenMaxAgeMs: v.REVOKED_TOKEN_RETENTION,
      intervalMs: v.RETENTION_INTERVAL,
    },
    prospectBulk: { maxIds: v.PROSPECT_BULK_MAX },
    requestLog: { flushIntervalMs: v.REQUEST_LOG_FLUSH_INTERVAL, batchSize: v.REQUEST_LOG_BATCH_SIZE },
    privacy: {
      unverifiedExpiryMs: v.PRIVACY_UNVERIFIED_EXPIRY,
      deadlineMs: v.PRIVACY_REQUEST_DEADLINE,
      reminderOffsetsMs: v.PRIVACY_REMINDERS,
      exportLinkTtlMs: v.PRIVACY_EXPORT_LINK_TTL,
      certificateKeys: v.PRIVACY_CERTIFICATE_KEYS ?? null,
    },
    systemMail: { smtpUrl: v.SYSTEM_MAIL_SMTP_URL ?? null, from: v.SYSTEM_MAIL_FROM },
    subprocessors: { noticePeriodMs: v.SUBPROCESSOR_NOTICE_PERIOD },
    enrichment: enrichmentConfig(v),
    rateLimits: { perKey: v.API_RATE_LIMIT, expensivePerKey: v.API_RATE_LIMIT_EXPENSIVE, windowMs: v.API_RATE_LIMIT_WINDOW },
    idempotency: { keyTtlMs: v.IDEMPOTENCY_KEY_TTL },
    billing,
    signups: signupsConfig(v),
    webhooks: webhookConfig(v),
  });
}

/** For tools that need only the database (migrations): the other variables may be unset. */
export function loadDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return loadDatabaseUrls(env).main;
}

/** The main database and the vault's, for tools (migrations): the other variables may be unset. */
export function loadDatabaseUrls(env: NodeJS.ProcessEnv = process.env): { main: string; vault: string } {
  const parsed = schema.pick({ DATABASE_URL: true, VAULT_DATABASE_URL: true }).safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const main = parsed.data.DATABASE_URL;
  return { main, vault: parsed.data.VAULT_DATABASE_URL ?? vaultDatabaseUrlFor(main) };
}
