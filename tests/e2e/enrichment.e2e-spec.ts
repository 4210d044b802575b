import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiClient, createNamedProspects, eventually } from '../support/api-client';
import { startDnsStub, type DnsStub } from '../support/dns-stub';
import { ProviderStubs, STUB_KEYS } from '../support/enrichment-provider-stubs';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

/**
 * Verification and enrichment through the whole stack: keys set over the API and sealed in the
 * vault, jobs run by their `enrichment:<id>` workflow on the worker against loopback stubs of
 * Hunter, BriteVerify and ZeroBounce (and a loopback DNS server for the built-in verifier).
 */
describe('verification and enrichment', () => {
  let stack: RelanceStack;
  let stubs: ProviderStubs;
  let dns: DnsStub;
  let api: ApiClient;
  let accountId: string;
  let apiKey: string;
  const logLines: string[] = [];

  before(async () => {
    stubs = await ProviderStubs.start();
    dns = await startDnsStub({ 'acme.test': { mx: [{ exchange: 'mx.acme.test' }] }, 'initech.test': { mx: [{ exchange: 'mx.initech.test' }] } });
    stack = await startRelanceStack({
      env: { ...stubs.env(), ENRICHMENT_DNS_SERVERS: dns.server, ENRICHMENT_DNS_TIMEOUT: '500ms' },
      logs: { write: (line: string) => void logLines.push(line) },
    });
    ({ api, accountId, apiKey } = await stack.newAccount('Enrich Co'));
  });

  after(async () => {
    await stack?.stop();
    await stubs?.stop();
    await dns?.stop();
  });

  const finished = (jobId: string) => eventually(`job ${jobId} completed`, async () => {
    const res = await api.get(`/v1/enrichment-jobs/${jobId}`);
    return res.body?.status === 'completed' ? res.body : undefined;
  }, 60_000);
  const resultOf = (job: any, prospectId: string) => job.results.find((r: any) => r.prospectId === prospectId);
  const restrict = (prospectId: string) => stack.dataSource.query(`UPDATE prospects SET restricted = true WHERE id = $1`, [prospectId]);

  it('sets a provider key sealed in the vault, shows only a hint, and refuses bad input naming the field', async () => {
    const set = await api.request('PUT', '/v1/enrichment-providers/hunter', { apiKey: STUB_KEYS.hunter });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual([set.body.provider, set.body.hint], ['hunter', '…1234']);
    assert.equal(JSON.stringify(set.body).includes(STUB_KEYS.hunter), false, 'the key is never returned');
    const [row] = await stack.vaultDataSource.query(
      `SELECT ciphertext, key_id FROM enrichment_provider_keys WHERE account_id = $1 AND provider = 'hunter'`, [accountId]);
    assert.ok(row, 'the key is in the vault database');
    assert.equal(Buffer.from(row.ciphertext).includes(Buffer.from(STUB_KEYS.hunter)), false, 'sealed, not in clear');
    const listed = await api.get('/v1/enrichment-providers');
    assert.deepEqual(listed.body.map((k: any) => [k.provider, k.hint]), [['hunter', '…1234']]);

    const unknown = await api.request('PUT', '/v1/enrichment-providers/clearbit', { apiKey: 'some-key-123' });
    assert.deepEqual([unknown.status, unknown.body.error.field], [400, 'provider']);
    const missing = await api.request('PUT', '/v1/enrichment-providers/zerobounce', {});
    assert.deepEqual([missing.status, missing.body.error.field], [400, 'apiKey']);
    assert.equal((await new ApiClient(stack.apiUrl).request('PUT', '/v1/enrichment-providers/hunter', { apiKey: 'x'.repeat(12) })).status, 401);
    assert.equal((await api.request('DELETE', '/v1/enrichment-providers/zerobounce')).status, 404);
  });

  it('verifies through Hunter: restricted prospects never reach it, a throttled call is retried, a refused one fails at once', async () => {
    const ids = await createNamedProspects(api, {
      Valid: 'valid.v@acme.test', Invalid: 'invalid.v@acme.test', Restricted: 'valid.restricted@acme.test',
      Throttled: 'throttled.v@acme.test', Refused: 'refused.v@acme.test',
    });
    await restrict(ids.Restricted);
    const created = await api.post('/v1/enrichment-jobs', { prospectIds: Object.values(ids), kind: 'verify', provider: 'hunter' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.workflowId, `enrichment:${created.body.id}`);
    assert.deepEqual([created.body.status, created.body.total], ['running', 5]);

    const job = await finished(created.body.id);
    assert.deepEqual([job.processed, job.succeeded, job.skipped, job.failed], [5, 3, 1, 1]);
    assert.deepEqual(
      [resultOf(job, ids.Valid).verdict, resultOf(job, ids.Valid).score, resultOf(job, ids.Valid).provider], ['valid', 91, 'hunter']);
    assert.equal(resultOf(job, ids.Invalid).verdict, 'invalid');
    assert.deepEqual([resultOf(job, ids.Restricted).outcome, resultOf(job, ids.Restricted).errorCode], ['skipped', 'restricted']);
    assert.deepEqual(stubs.requestsFor('valid.restricted@acme.test'), [], 'the stub never heard of the restricted prospect');
    assert.equal(resultOf(job, ids.Throttled).verdict, 'valid');
    assert.equal(stubs.requestsFor('throttled.v@acme.test').length, 2, 'refused once (403, Hunter\'s rate limit), then answered');
    assert.deepEqual([resultOf(job, ids.Refused).outcome, resultOf(job, ids.Refused).errorCode], ['failed', 'hunter_400']);
    assert.equal(stubs.requestsFor('refused.v@acme.test').length, 1, 'a 400 is not retried');
    assert.ok(!Number.isNaN(Date.parse(resultOf(job, ids.Valid).checkedAt)), 'dated');
  });

  it('enriches through Hunter: fills empty fields, keeps what the rep entered', async () => {
    const created = await api.post('/v1/prospects', { email: 'valid@initech.test', firstName: 'Val', position: 'Head of Sales' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const started = await api.post('/v1/enrichment-jobs', { prospectIds: [created.body.id], kind: 'enrich' });
    assert.equal(started.body.provider, 'hunter', 'Hunter enriches by default');
    const job = await finished(started.body.id);
    assert.deepEqual(resultOf(job, created.body.id).filledFields, ['company', 'country']);
    const prospect = await api.get(`/v1/prospects/${created.body.id}`);
    assert.deepEqual([prospect.body.position, prospect.body.company, prospect.body.country], ['Head of Sales', 'Acme Corp', 'FR']);
  });

  it('verifies through BriteVerify and ZeroBounce, a 429 retried after its Retry-After', async () => {
    for (const [provider, key] of [['briteverify', STUB_KEYS.briteverify], ['zerobounce', STUB_KEYS.zerobounce]] as const) {
      assert.equal((await api.request('PUT', `/v1/enrichment-providers/${provider}`, { apiKey: key })).status, 200);
      const ids = await createNamedProspects(api, { Catchall: `catchall.${provider}@acme.test`, Throttled: `throttled.${provider}@acme.test` });
      const started = await api.post('/v1/enrichment-jobs', { prospectIds: [ids.Catchall, ids.Throttled], kind: 'verify', provider });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const job = await finished(started.body.id);
      assert.deepEqual([job.succeeded, job.failed], [2, 0], provider);
      assert.equal(resultOf(job, ids.Catchall).verdict, 'accept_all', provider);
      assert.equal(stubs.requestsFor(`throttled.${provider}@acme.test`).length, 2, `${provider}: 429, then answered`);
    }
  });

  it('verifies without a provider: syntax, disposable domains, MX through the configured DNS server', async () => {
    const ids = await createNamedProspects(api, { Mx: 'someone@acme.test', Gone: 'someone@nowhere.test', Throwaway: 'someone@mailinator.com' });
    const started = await api.post('/v1/enrichment-jobs', { prospectIds: Object.values(ids), kind: 'verify' });
    assert.equal(started.body.provider, 'builtin');
    const job = await finished(started.body.id);
    assert.deepEqual(
      [ids.Mx, ids.Gone, ids.Throwaway].map((id) => resultOf(job, id).verdict), ['valid', 'invalid', 'disposable']);
    assert.ok(dns.queries.includes('MX acme.test'));
  });

  it('verifies what an import brought in, once it has completed; another account cannot', async () => {
    const form = new FormData();
    form.append('file', new Blob(['email,first name\nana@acme.test,Ana\nbo@initech.test,Bo\nnot-an-address,Cy\n']), 'fair.csv');
    const uploaded = await fetch(`${stack.apiUrl}/v1/imports`, { method: 'POST', body: form, headers: { authorization: `Bearer ${apiKey}` } });
    assert.equal(uploaded.status, 201);
    const importId = ((await uploaded.json()) as { id: string }).id;
    const early = await api.post(`/v1/imports/${importId}/enrichment`, { kind: 'verify' });
    assert.deepEqual([early.status, early.body.error.code], [409, 'conflict']);
    assert.match(early.body.error.message, /awaiting mapping: enrich it once it has completed/);
    assert.equal((await api.post(`/v1/imports/${importId}/start`, {})).status, 202);
    await eventually('the import completed', async () => (await api.get(`/v1/imports/${importId}`)).body.progress.status === 'completed' || undefined, 60_000);

    const other = await stack.newAccount('Not Enrich Co');
    assert.equal((await other.api.post(`/v1/imports/${importId}/enrichment`, { kind: 'verify' })).status, 404);
    assert.equal((await api.post(`/v1/imports/${importId}/enrichment`, { kind: 'guess' })).body.error.field, 'kind');
    const started = await api.post(`/v1/imports/${importId}/enrichment`, { kind: 'verify' });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    assert.equal(started.body.prospects, 2, 'the refused row made no prospect');
    assert.equal(started.body.jobIds.length, 1);
    const job = await finished(started.body.jobIds[0]);
    assert.deepEqual(job.results.map((r: { verdict: string }) => r.verdict), ['valid', 'valid']);
  });

  it('refuses bad jobs naming the field, and another account\'s prospects and jobs are not found', async () => {
    const [prospectId] = Object.values(await createNamedProspects(api, { Someone: 'someone.else@acme.test' }));
    const cases: [unknown, string][] = [
      [{ prospectIds: [prospectId] }, 'kind'],
      [{ prospectIds: ['not-a-uuid'], kind: 'verify' }, 'prospectIds'],
      [{ prospectIds: [], kind: 'verify' }, 'prospectIds'],
      [{ prospectIds: [prospectId], kind: 'verify', provider: 'clearbit' }, 'provider'],
      [{ prospectIds: [prospectId], kind: 'enrich', provider: 'briteverify' }, 'provider'],
      [{ prospectIds: [prospectId], kind: 'enrich', provider: 'builtin' }, 'provider'],
    ];
    for (const [body, field] of cases) {
      const res = await api.post('/v1/enrichment-jobs', body);
      assert.deepEqual([res.status, res.body.error.field], [400, field], JSON.stringify(body));
    }
    const other = await stack.newAccount('Other Co');
    const noKey = await other.api.post('/v1/enrichment-jobs', { prospectIds: [prospectId], kind: 'verify', provider: 'hunter' });
    assert.deepEqual([noKey.status, noKey.body.error.field], [400, 'provider'], 'another account\'s key is not this one\'s');
    const foreign = await other.api.post('/v1/enrichment-jobs', { prospectIds: [prospectId], kind: 'verify' });
    assert.deepEqual([foreign.status, foreign.body.error.field], [404, 'prospectIds']);
    const mine = await api.post('/v1/enrichment-jobs', { prospectIds: [prospectId], kind: 'verify' });
    assert.equal((await other.api.get(`/v1/enrichment-jobs/${mine.body.id}`)).status, 404);
    assert.equal((await other.api.request('DELETE', '/v1/enrichment-providers/hunter')).status, 404);
    assert.equal((await api.get('/v1/enrichment-jobs/nope')).status, 400);
    await finished(mine.body.id);
  });

  it('finds addresses: Hunter when the account has its key, else patterns on a domain with MX; names are neither logged nor stored', async () => {
    const person = { firstName: 'Augusta', lastName: 'Lovelace', domain: 'acme.test' };
    const viaHunter = await api.post('/v1/email-finder', person);
    assert.equal(viaHunter.status, 200, JSON.stringify(viaHunter.body));
    assert.deepEqual(viaHunter.body.candidates, [{ email: 'augusta.lovelace@acme.test', confidence: 93, source: 'hunter' }]);

    const other = await stack.newAccount('Patterns Co');
    const viaPatterns = await other.api.post('/v1/email-finder', person);
    assert.equal(viaPatterns.body.source, 'patterns');
    assert.equal(viaPatterns.body.domainAcceptsMail, true);
    assert.deepEqual(viaPatterns.body.candidates[0], { email: 'augusta.lovelace@acme.test', pattern: '{first}.{last}', confidence: 45, source: 'pattern' });
    assert.ok(viaPatterns.body.candidates.some((c: any) => c.email === 'alovelace@acme.test'));
    const noMail = await other.api.post('/v1/email-finder', { ...person, domain: 'nowhere.test' });
    assert.deepEqual([noMail.body.domainAcceptsMail, noMail.body.candidates], [false, []]);

    for (const [body, field] of [[{ lastName: 'L', domain: 'acme.test' }, 'firstName'], [{ ...person, domain: 'not a domain' }, 'domain']] as const) {
      const res = await other.api.post('/v1/email-finder', body);
      assert.deepEqual([res.status, res.body.error.field], [400, field]);
    }
    assert.ok(logLines.length > 0, 'the logs were captured');
    assert.equal(logLines.some((line) => line.includes('Augusta') || line.includes('Lovelace')), false, 'no name in the logs');
    const stored = await stack.dataSource.query(`SELECT count(*)::int AS n FROM enrichment_results WHERE details::text LIKE '%augusta%'`);
    assert.equal(stored[0].n, 0, 'nothing of the request stored');
  });
});
