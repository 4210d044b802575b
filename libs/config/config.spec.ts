import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './config';

const payloadKey = randomBytes(32);
const vaultKey = randomBytes(32);
const oldVaultKey = randomBytes(32);
const tokenKey = randomBytes(32);
const oldTokenKey = randomBytes(32);
const suppressionKey = randomBytes(32);
const certificateKey = randomBytes(32);

/** The variables without a default, all valid. */
function requiredEnv(): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: 'postgres://relance:secret@db.internal:5432/relance',
    TEMPORAL_ADDRESS: 'temporal.internal:7233',
    TEMPORAL_PAYLOAD_KEYS: `p1:${payloadKey.toString('base64')}`,
    VAULT_MASTER_KEYS: `v2:${vaultKey.toString('base64')}`,
    TOKEN_SIGNING_KEYS: `s1:${tokenKey.toString('base64')}`,
    SUPPRESSION_HASH_KEY: suppressionKey.toString('base64'),
  };
}

/** Every variable loadConfig reads, each set to a value other than its default. */
function fullEnv(): NodeJS.ProcessEnv {
  return {
    ...requiredEnv(),
    VAULT_MASTER_KEYS: `v2:${vaultKey.toString('base64')},v1:${oldVaultKey.toString('base64')}`,
    TOKEN_SIGNING_KEYS: `s2:${tokenKey.toString('base64')},s1:${oldTokenKey.toString('base64')}`,
    UNSUBSCRIBE_TOKEN_TTL: '30d',
    TRACKING_TOKEN_TTL: '90d',
    ACCOUNT_EXPORT_DIR: '/var/lib/relance/exports',
    IMPORT_DIR: '/var/lib/relance/imports',
    IMPORT_MAX_FILE_BYTES: '1048576',
    IMPORT_MAX_ROWS: '5000',
    IMPORT_MAX_COLUMNS: '30',
    IMPORT_BATCH_ROWS: '250',
    IMPORT_HEARTBEAT_TIMEOUT: '45s',
    ACCOUNT_EXPORT_LINK_TTL: '2d',
    ACCOUNT_CLOSURE_GRACE: '30d',
    TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    API_HOST: '0.0.0.0',
    API_PORT: '8080',
    API_PUBLIC_URL: 'https://relance.example.com',
    API_MAX_JSON_DEPTH: '64',
    DATABASE_POOL_SIZE: '25',
    TEMPORAL_NAMESPACE: 'relance',
    TEMPORAL_UI_URL: 'http://localhost:8233',
    TEMPORAL_RPC_TIMEOUT: '3s',
    LAUNCH_BATCH_SIZE: '250',
    PROSPECT_BULK_MAX: '500',
    AUTO_REPLY_PAUSE: '3d',
    SOFT_BOUNCE_RESEND_AFTER: '6h',
    SOFT_BOUNCE_MAX_RESENDS: '1',
    SENDER_BOUNCE_RESEND_AFTER: '12h',
    SENDER_BOUNCE_MAX_RESENDS: '0',
    MAILBOX_PAUSE_SENDER_BOUNCES: '5',
    MAILBOX_PAUSE_WINDOW: '2h',
    PAUSE_RECHECK_INTERVAL: '10m',
    MAILBOX_SYNC_INTERVAL: '5m',
    SMTP_TIMEOUT: '2s',
    IMAP_TIMEOUT: '500ms',
    MAIL_PRIVATE_HOSTS: 'allow',
    WORKER_SHUTDOWN_GRACE: '1h',
    WORKER_MAX_CACHED_WORKFLOWS: '2000',
    REQUEST_LOG_RETENTION: '7d',
    REQUEST_LOG_ARCHIVE_RETENTION: '180d',
    REQUEST_LOG_ARCHIVE_DIR: '/var/lib/relance/archives',
    SUPPORT_CONVERSATION_RETENTION: '60d',
    REVOKED_TOKEN_RETENTION: '10d',
    RETENTION_INTERVAL: '12h',
    REQUEST_LOG_FLUSH_INTERVAL: '250ms',
    REQUEST_LOG_BATCH_SIZE: '50',
    PRIVACY_UNVERIFIED_EXPIRY: '7d',
    PRIVACY_REQUEST_DEADLINE: '30d',
    PRIVACY_REMINDERS: '1d, 10d',
    PRIVACY_EXPORT_LINK_TTL: '2d',
    PRIVACY_CERTIFICATE_KEYS: `c1:${certificateKey.toString('base64')}`,
    SYSTEM_MAIL_SMTP_URL: 'smtps://privacy:secret@smtp.example.com:465',
    SYSTEM_MAIL_FROM: 'privacy@example.com',
    SUBPROCESSOR_NOTICE_PERIOD: '14d',
    API_RATE_LIMIT: '1200',
    API_RATE_LIMIT_EXPENSIVE: '20',
    API_RATE_LIMIT_WINDOW: '10m',
    IDEMPOTENCY_KEY_TTL: '48h',
  };
}

/** Runs loadConfig and returns the ConfigError it must throw. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('loadConfig accepted an invalid environment');
}

function without(name: string): NodeJS.ProcessEnv {
  const env = requiredEnv();
  delete env[name];
  return env;
}

describe('loadConfig', () => {
  it('maps every variable of a full environment into the typed config', () => {
    const config = loadConfig(fullEnv());
    // worker's HTTP server, metrics and codec: observability-config.spec.ts; enrichment, signups, webhooks: their own specs.
    const {
      temporal, vault, tokens, suppression, privacy, accounts, worker, metrics: _metrics, codec: _codec, enrichment: _enrichment,
      signups: _signups, webhooks: _webhooks, ...rest
    } = config;
    const { certificateKeys, ...privacyDurations } = privacy;
    assert.deepEqual(privacyDurations, {
      unverifiedExpiryMs: 7 * 86_400_000, deadlineMs: 30 * 86_400_000,
      reminderOffsetsMs: [10 * 86_400_000, 86_400_000], exportLinkTtlMs: 2 * 86_400_000,
    });
    assert.equal(certificateKeys?.currentId, 'c1');
    assert.ok(certificateKeys?.keys.get('c1')?.equals(certificateKey));
    assert.deepEqual(rest, {
      env: 'production',
      logLevel: 'warn',
      api: {
        host: '0.0.0.0',
        port: 8080,
        publicUrl: 'https://relance.example.com',
        trustProxy: ['loopback', '10.0.0.0/8', 'fd00::/8'],
        maxJsonDepth: 64,
      },
      database: { url: 'postgres://relance:secret@db.internal:5432/relance', poolSize: 25 },
      imports: { dir: '/var/lib/relance/imports', maxFileBytes: 1_048_576, maxRows: 5_000, maxColumns: 30, batchRows: 250, heartbeatTimeoutMs: 45_000 },
      sequencing: {
        launchBatchSize: 250,
        autoReplyPauseMs: 3 * 86_400_000,
        softBounceResend: { afterMs: 6 * 3_600_000, maxResends: 1 },
        senderProblem: { afterMs: 12 * 3_600_000, maxResends: 0, pauseAfter: 5, pauseWindowMs: 2 * 3_600_000 },
        pauseRecheckMs: 600_000,
      },
      mail: { syncIntervalMs: 300_000, smtpTimeoutMs: 2_000, imapTimeoutMs: 500, allowPrivateHosts: true },
      retention: {
        requestLogMaxAgeMs: 7 * 86_400_000,
        archiveMaxAgeMs: 180 * 86_400_000,
        archiveDir: '/var/lib/relance/archives',
        supportConversationMaxAgeMs: 60 * 86_400_000,
        revokedTokenMaxAgeMs: 10 * 86_400_000,
        intervalMs: 12 * 3_600_000,
      },
      prospectBulk: { maxIds: 500 },
      requestLog: { flushIntervalMs: 250, batchSize: 50 },
      systemMail: { smtpUrl: 'smtps://privacy:secret@smtp.example.com:465', from: 'privacy@example.com' },
      subprocessors: { noticePeriodMs: 14 * 86_400_000 },
      rateLimits: { perKey: 1200, expensivePerKey: 20, windowMs: 600_000 },
      idempotency: { keyTtlMs: 48 * 3_600_000 },
      billing: null,
    });
    assert.deepEqual([worker.shutdownGraceMs, worker.maxCachedWorkflows], [3_600_000, 2_000]);
    assert.equal(temporal.address, 'temporal.internal:7233');
    assert.equal(temporal.namespace, 'relance');
    assert.equal(temporal.uiUrl, 'http://localhost:8233');
    assert.equal(temporal.rpcTimeoutMs, 3_000);
    assert.equal(temporal.payloadKeys.currentId, 'p1');
    assert.deepEqual([...temporal.payloadKeys.keys.keys()], ['p1']);
    assert.ok(temporal.payloadKeys.keys.get('p1')?.equals(payloadKey));
    assert.equal(vault.masterKeys.currentId, 'v2');
    assert.deepEqual([...vault.masterKeys.keys.keys()], ['v2', 'v1']);
    assert.ok(vault.masterKeys.keys.get('v2')?.equals(vaultKey));
    assert.ok(vault.masterKeys.keys.get('v1')?.equals(oldVaultKey));
    assert.equal(tokens.signingKeys.currentId, 's2');
    assert.deepEqual([...tokens.signingKeys.keys.keys()], ['s2', 's1']);
    assert.ok(tokens.signingKeys.keys.get('s1')?.equals(oldTokenKey));
    assert.equal(tokens.unsubscribeTtlMs, 30 * 86_400_000);
    assert.equal(tokens.trackingTtlMs, 90 * 86_400_000);
    assert.ok(suppression.hashKey.equals(suppressionKey));
    const { certificateKeys: closureKeys, ...accountSettings } = accounts;
    assert.deepEqual(accountSettings, { exportDir: '/var/lib/relance/exports', exportLinkTtlMs: 2 * 86_400_000, closureGraceMs: 30 * 86_400_000 });
    assert.equal(closureKeys, certificateKeys, 'closure certificates are signed with the privacy certificate keys');
  });

  it('signs closure certificates with TOKEN_SIGNING_KEYS when PRIVACY_CERTIFICATE_KEYS is unset or empty, and waits 90 days', () => {
    for (const unset of [{}, { PRIVACY_CERTIFICATE_KEYS: '' }]) {
      const config = loadConfig({ ...requiredEnv(), ...unset });
      assert.equal(config.accounts.certificateKeys, config.tokens.signingKeys);
      assert.equal(config.accounts.closureGraceMs, 90 * 86_400_000);
    }
  });

  it('returns a deeply frozen object', () => {
    const config = loadConfig(fullEnv());
    for (const part of [config, config.api, config.database, config.temporal, config.temporal.payloadKeys,
      config.vault, config.vault.masterKeys, config.tokens, config.tokens.signingKeys, config.suppression,
      config.sequencing, config.mail, config.worker]) {
      assert.ok(Object.isFrozen(part));
    }
    assert.throws(() => {
      (config.api as { port: number }).port = 1;
    }, TypeError);
    assert.throws(() => {
      (config.vault.masterKeys as { currentId: string }).currentId = 'v1';
    }, TypeError);
    assert.equal(config.api.port, 8080);
  });

  it('applies the documented defaults when only the required variables are set', () => {
    const config = loadConfig(requiredEnv());
    assert.equal(config.env, 'development');
    assert.equal(config.logLevel, 'info');
    assert.deepEqual(config.api, {
      host: '127.0.0.1', port: 3000, publicUrl: 'http://127.0.0.1:3000', trustProxy: false, maxJsonDepth: 32,
    });
    assert.equal(config.database.poolSize, 10);
    assert.equal(config.temporal.namespace, 'default');
    assert.equal(config.temporal.uiUrl, undefined);
    assert.equal(config.temporal.rpcTimeoutMs, 10_000);
    assert.deepEqual(config.sequencing, {
      launchBatchSize: 100,
      autoReplyPauseMs: 7 * 86_400_000,
      softBounceResend: { afterMs: 86_400_000, maxResends: 2 },
      senderProblem: { afterMs: 2 * 86_400_000, maxResends: 1, pauseAfter: 3, pauseWindowMs: 86_400_000 },
      pauseRecheckMs: 3_600_000,
    });
    assert.deepEqual(config.mail, { syncIntervalMs: 60_000, smtpTimeoutMs: 10_000, imapTimeoutMs: 15_000, allowPrivateHosts: false });
    assert.deepEqual(config.worker, { shutdownGraceMs: 30_000, maxCachedWorkflows: 500, http: { host: '127.0.0.1', port: 3001 }, sdkMetricsPort: 0, taskQueues: null });
    assert.equal(config.tokens.unsubscribeTtlMs, 365 * 86_400_000);
    assert.equal(config.tokens.trackingTtlMs, 365 * 86_400_000);
    // The privacy policy's durations: logs a month, their archives a year, support 90 days after closure.
    assert.deepEqual(config.retention, {
      requestLogMaxAgeMs: 30 * 86_400_000,
      archiveMaxAgeMs: 365 * 86_400_000,
      archiveDir: '.data/request-log-archives',
      supportConversationMaxAgeMs: 90 * 86_400_000,
      revokedTokenMaxAgeMs: 30 * 86_400_000,
      intervalMs: 86_400_000,
    });
    assert.deepEqual(config.requestLog, { flushIntervalMs: 1_000, batchSize: 200 });
    assert.deepEqual(config.privacy, {
      unverifiedExpiryMs: 14 * 86_400_000, deadlineMs: 28 * 86_400_000,
      reminderOffsetsMs: [7 * 86_400_000, 3 * 86_400_000, 86_400_000], exportLinkTtlMs: 7 * 86_400_000, certificateKeys: null,
    });
    assert.deepEqual(config.systemMail, { smtpUrl: null, from: 'privacy@relance.invalid' });
    assert.deepEqual(config.subprocessors, { noticePeriodMs: 30 * 86_400_000 });
    assert.throws(() => loadConfig({ ...requiredEnv(), SUBPROCESSOR_NOTICE_PERIOD: '10ms' }), /SUBPROCESSOR_NOTICE_PERIOD must be at least 1000 ms/);
    assert.deepEqual(config.rateLimits, { perKey: 600, expensivePerKey: 60, windowMs: 60_000 });
    assert.deepEqual(config.idempotency, { keyTtlMs: 24 * 3_600_000 });
  });

  it('fails naming a rate limit that is not a positive whole number', () => {
    assert.throws(() => loadConfig({ ...requiredEnv(), API_RATE_LIMIT: '0' }), /API_RATE_LIMIT/);
    assert.throws(() => loadConfig({ ...requiredEnv(), API_RATE_LIMIT_EXPENSIVE: 'lots' }), /API_RATE_LIMIT_EXPENSIVE/);
    assert.throws(() => loadConfig({ ...requiredEnv(), API_RATE_LIMIT_WINDOW: '10ms' }), /API_RATE_LIMIT_WINDOW/);
  });

  it('fails naming a retention duration that is not one', () => {
    assert.throws(() => loadConfig({ ...requiredEnv(), REQUEST_LOG_RETENTION: 'a month' }), /REQUEST_LOG_RETENTION/);
    assert.throws(() => loadConfig({ ...requiredEnv(), RETENTION_INTERVAL: '10ms' }), /RETENTION_INTERVAL/);
  });

  it('reads an empty PRIVACY_CERTIFICATE_KEYS or SYSTEM_MAIL_SMTP_URL as unset (docker-compose passes unset ones empty)', () => {
    const config = loadConfig({ ...requiredEnv(), PRIVACY_CERTIFICATE_KEYS: '', SYSTEM_MAIL_SMTP_URL: '' });
    assert.equal(config.privacy.certificateKeys, null);
    assert.equal(config.systemMail.smtpUrl, null);
  });

  it('denies private mail hosts in every environment unless MAIL_PRIVATE_HOSTS=allow', () => {
    const allowed = (env: NodeJS.ProcessEnv) => loadConfig({ ...requiredEnv(), ...env }).mail.allowPrivateHosts;
    for (const NODE_ENV of ['production', 'development', 'test']) assert.equal(allowed({ NODE_ENV }), false, NODE_ENV);
    assert.equal(allowed({ NODE_ENV: 'production', MAIL_PRIVATE_HOSTS: 'allow' }), true);
    assert.equal(allowed({ NODE_ENV: 'development', MAIL_PRIVATE_HOSTS: 'allow' }), true);
    assert.equal(allowed({ NODE_ENV: 'development', MAIL_PRIVATE_HOSTS: 'deny' }), false);
    assert.throws(() => allowed({ MAIL_PRIVATE_HOSTS: 'yes' }), /MAIL_PRIVATE_HOSTS/);
  });

  it('reads TRUST_PROXY as Express takes it: false, true, a hop count or a list', () => {
    const trust = (value: string) => loadConfig({ ...requiredEnv(), TRUST_PROXY: value }).api.trustProxy;
    assert.equal(trust('false'), false);
    assert.equal(trust('true'), true);
    assert.equal(trust('2'), 2);
    assert.deepEqual(trust('127.0.0.1,::1, 192.168.0.0/16'), ['127.0.0.1', '::1', '192.168.0.0/16']);
  });

  it('derives the public URL from host and port when API_PUBLIC_URL is unset', () => {
    const config = loadConfig({ ...requiredEnv(), API_HOST: 'relance.local', API_PORT: '4100' });
    assert.equal(config.api.publicUrl, 'http://relance.local:4100');
  });

  it('accepts the postgresql:// spelling of the database URL', () => {
    const url = 'postgresql://relance@localhost/relance';
    assert.equal(loadConfig({ ...requiredEnv(), DATABASE_URL: url }).database.url, url);
  });

  it('ignores variables it does not know', () => {
    const config = loadConfig({ ...requiredEnv(), PATH: '/usr/bin', HOME: '/root' });
    assert.equal(Object.hasOwn(config, 'PATH'), false);
  });

  const requiredNames = [
    'DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_PAYLOAD_KEYS', 'VAULT_MASTER_KEYS', 'TOKEN_SIGNING_KEYS',
    'SUPPRESSION_HASH_KEY',
  ];
  for (const name of requiredNames) {
    it(`fails naming ${name} when it is missing`, () => {
      const error = configError(without(name));
      assert.equal(error.problems.length, 1);
      assert.match(error.problems[0], new RegExp(`^${name} is required`));
      assert.match(error.message, new RegExp(name));
    });
  }

  const malformed: Array<[string, string, RegExp]> = [
    ['API_PORT', 'abc', /number/],
    ['API_PORT', '70000', /65535/],
    ['API_PORT', '80.5', /port number/],
    ['API_PORT', '', /port number/],
    ['API_PORT', '0x50', /port number/],
    ['DATABASE_URL', 'mysql://relance@localhost:3306/relance', /postgres/],
    ['TEMPORAL_ADDRESS', 'temporal.internal', /host:port/],
    ['TEMPORAL_ADDRESS', 'temporal.internal:', /host:port/],
    ['MAILBOX_SYNC_INTERVAL', 'soon', /"soon" is not a duration/],
    ['SMTP_TIMEOUT', '-5s', /is not a duration/],
    ['VAULT_MASTER_KEYS', `v1:${randomBytes(16).toString('base64')}`, /"v1" must be 32 bytes.*got 16/],
    ['TEMPORAL_PAYLOAD_KEYS', `p1:${randomBytes(64).toString('base64')}`, /"p1" must be 32 bytes.*got 64/],
    ['VAULT_MASTER_KEYS', `v1:${randomBytes(32).toString('base64')},v1:${randomBytes(32).toString('base64')}`, /"v1" appears twice/],
    ['VAULT_MASTER_KEYS', '', /no key given/],
    ['NODE_ENV', 'staging', /development/],
    ['LOG_LEVEL', 'loud', /info/],
    ['DATABASE_POOL_SIZE', '0', />=\s*1/],
    ['LAUNCH_BATCH_SIZE', 'many', /number/],
    ['PROSPECT_BULK_MAX', '0', />=\s*1/],
    ['AUTO_REPLY_PAUSE', 'a week', /"a week" is not a duration/],
    ['SOFT_BOUNCE_RESEND_AFTER', '0', /at least 1000 ms/],
    ['SOFT_BOUNCE_MAX_RESENDS', '-1', />=\s*0/],
    ['SOFT_BOUNCE_MAX_RESENDS', '50', /<=\s*10/],
    ['MAILBOX_PAUSE_SENDER_BOUNCES', '0', />=\s*1/],
    ['PAUSE_RECHECK_INTERVAL', '500ms', /at least 1000 ms/],
    ['WORKER_MAX_CACHED_WORKFLOWS', 'lots', /number/],
    ['PRIVACY_REMINDERS', '7d,soon', /"soon" is not a duration/],
    ['PRIVACY_CERTIFICATE_KEYS', randomBytes(32).toString('base64'), /"id:base64key"/],
    ['SYSTEM_MAIL_SMTP_URL', 'http://smtp.example.com', /smtp:\/\//],
    ['SYSTEM_MAIL_FROM', 'privacy', /email address/],
    ['TEMPORAL_UI_URL', 'temporal ui', /URL/],
    ['API_PUBLIC_URL', 'localhost:3000', /http\(s\) URL/],
    ['API_PUBLIC_URL', 'javascript:alert(1)', /http\(s\) URL/],
    ['MAILBOX_SYNC_INTERVAL', '0', /at least 100 ms/],
    ['TOKEN_SIGNING_KEYS', randomBytes(32).toString('base64'), /"id:base64key"/],
    ['SUPPRESSION_HASH_KEY', randomBytes(16).toString('base64'), /32 bytes.*got 16/],
    ['SUPPRESSION_HASH_KEY', `h1:${randomBytes(32).toString('base64')}`, /no key id/],
    ['SUPPRESSION_HASH_KEY', '', /no key given/],
    ['UNSUBSCRIBE_TOKEN_TTL', '10s', /at least 60000 ms/],
    ['TRACKING_TOKEN_TTL', '10s', /at least 60000 ms/],
    ['TRUST_PROXY', 'yes', /must be false, true, a hop count/],
    ['TRUST_PROXY', 'loopback,10.0.0.0/33', /"10.0.0.0\/33"/],
    ['TRUST_PROXY', 'proxy.internal', /"proxy.internal"/],
    ['API_MAX_JSON_DEPTH', '4', />=\s*8/],
    ['API_MAX_JSON_DEPTH', '10000', /<=\s*256/],
    ['API_MAX_JSON_DEPTH', 'deep', /number/],
  ];
  for (const [name, value, detail] of malformed) {
    it(`fails naming ${name} when it is ${JSON.stringify(value.length > 20 ? `${value.slice(0, 17)}...` : value)}`, () => {
      const error = configError({ ...requiredEnv(), [name]: value });
      assert.equal(error.problems.length, 1, error.message);
      assert.ok(error.problems[0].startsWith(`${name} `), error.problems[0]);
      assert.match(error.problems[0], detail);
    });
  }

  it('reports every problem at once, one line each', () => {
    const error = configError({
      TEMPORAL_PAYLOAD_KEYS: `p1:${randomBytes(32).toString('base64')}`,
      API_PORT: 'abc',
      DATABASE_URL: 'mysql://relance@localhost/relance',
      MAILBOX_SYNC_INTERVAL: 'soon',
      VAULT_MASTER_KEYS: 'v1:c2hvcnQ=',
    });
    const named = error.problems.map((problem) => problem.split(' ')[0]).sort();
    assert.deepEqual(named, [
      'API_PORT', 'DATABASE_URL', 'MAILBOX_SYNC_INTERVAL', 'SUPPRESSION_HASH_KEY', 'TEMPORAL_ADDRESS',
      'TOKEN_SIGNING_KEYS', 'VAULT_MASTER_KEYS',
    ]);
    for (const problem of error.problems) assert.ok(error.message.includes(`  - ${problem}`));
    assert.equal(error.name, 'ConfigError');
  });

  it('never repeats key material in its errors', () => {
    const shortKey = randomBytes(16).toString('base64');
    const goodKey = randomBytes(32).toString('base64');
    const error = configError({
      ...requiredEnv(),
      VAULT_MASTER_KEYS: `v1:${shortKey}`,
      TEMPORAL_PAYLOAD_KEYS: `p1:${goodKey},p1:${goodKey}`,
      SUPPRESSION_HASH_KEY: shortKey,
    });
    assert.equal(error.problems.length, 3);
    assert.ok(!error.message.includes(shortKey));
    assert.ok(!error.message.includes(goodKey));
  });
});
