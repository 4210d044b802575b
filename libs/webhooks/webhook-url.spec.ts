import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '@relance/config';
import { requiredEnv } from '@relance/config/config-spec-env';
import { DomainError } from '@relance/errors';
import { webhookNetworkPolicy } from './webhook-policy';
import { UnresolvedWebhookHost, webhookTarget } from './webhook-url';

/** Answers names as a stub DNS would: no query leaves the machine. */
const names: Record<string, string[]> = {
  'hooks.example.com': ['93.184.216.34'],
  'rebound.example.com': ['93.184.216.34', '10.0.0.7'],
  'metadata.example.com': ['169.254.169.254'],
};
const lookup = async (host: string) => {
  if (!(host in names)) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return names[host];
};

const refusal = (pattern: RegExp) => (error: unknown) => {
  assert.ok(error instanceof DomainError);
  assert.equal(error.code, 'webhook_url_refused');
  assert.equal(error.field, 'url');
  assert.match(error.message, pattern);
  return true;
};

describe('webhook URLs', () => {
  // Loaded without MAIL_PRIVATE_HOSTS: the default policy, as in production.
  const denied = { ...webhookNetworkPolicy(loadConfig(requiredEnv())), lookup };
  const production = { ...webhookNetworkPolicy(loadConfig({ ...requiredEnv(), NODE_ENV: 'production' })), lookup };

  it('denies private hosts unless the operator allows them (MAIL_PRIVATE_HOSTS)', () => {
    assert.equal(denied.allowPrivateHosts, false);
    assert.equal(webhookNetworkPolicy(loadConfig({ ...requiredEnv(), MAIL_PRIVATE_HOSTS: 'allow' })).allowPrivateHosts, true);
  });

  it('refuses this machine, private networks and cloud metadata, literally or by name', async () => {
    for (const url of ['http://127.0.0.1:8080/hook', 'http://[::1]/hook', 'https://10.1.2.3/hook', 'https://192.168.0.10/x']) {
      await assert.rejects(webhookTarget(url, denied), refusal(/on this machine or a private network.*MAIL_PRIVATE_HOSTS=allow/), url);
    }
    await assert.rejects(webhookTarget('https://metadata.example.com/', denied), refusal(/resolves to 169\.254\.169\.254/));
    // One private address among the answers is enough: a rebinding name cannot pick it later.
    await assert.rejects(webhookTarget('https://rebound.example.com/', denied), refusal(/resolves to 10\.0\.0\.7/));
  });

  it('accepts a public host and hands back the address it vetted', async () => {
    const target = await webhookTarget('https://hooks.example.com/relance?x=1', denied);
    assert.deepEqual([target.address, target.family, target.url.pathname], ['93.184.216.34', 4, '/relance']);
  });

  it('allows loopback when the operator does', async () => {
    const target = await webhookTarget('http://127.0.0.1:9/x', { allowPrivateHosts: true, requireHttps: false });
    assert.equal(target.address, '127.0.0.1');
  });

  it('requires https in production', async () => {
    await assert.rejects(webhookTarget('http://hooks.example.com/relance', production), refusal(/must be https/));
    assert.equal((await webhookTarget('https://hooks.example.com/relance', production)).address, '93.184.216.34');
  });

  it('tells an unresolvable host apart (a failed attempt at delivery, not a refusal for good)', async () => {
    await assert.rejects(webhookTarget('https://nowhere.example.com/', denied), (error) => error instanceof UnresolvedWebhookHost);
  });

  it('refuses what is not an http(s) URL, or carries credentials', async () => {
    for (const [url, message] of [['not a url', /absolute http\(s\) URL/], ['ftp://hooks.example.com/', /http\(s\), not ftp/], ['https://u:p@hooks.example.com/', /user name or password/]] as const) {
      await assert.rejects(webhookTarget(url, denied), (error: unknown) => error instanceof DomainError && error.code === 'validation_failed' && message.test(error.message));
    }
  });
});
