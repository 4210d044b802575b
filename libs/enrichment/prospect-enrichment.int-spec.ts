import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@relance/config';
import { Vault } from '@relance/crypto';
import { createDataSource, createVaultDataSource, EnrichmentProviderKeyRepository } from '@relance/db';
import { bootstrapAccount } from '../../apps/api/src/auth/bootstrap-account';
import { childProcessEnv } from '../../tests/harness/env';
import { ProviderStubs, STUB_KEYS } from '../../tests/support/enrichment-provider-stubs';
import { EnrichmentRepository } from './enrichment.repository';
import { ProviderClients } from './provider-clients';
import { ProviderKeys } from './provider-keys.service';
import { ProspectEnrichment } from './prospect-enrichment.service';
import { RateBucketRepository } from './rate-bucket.repository';
import { ProviderRateLimiter } from './rate-limiter';

/**
 * One job step on real PostgreSQL and the vault, against the provider stub: a step run again (a
 * retried activity whose completion was lost) neither asks the provider again nor counts twice.
 */
describe('prospect enrichment steps', () => {
  let db: DataSource;
  let vaultDb: DataSource;
  let stubs: ProviderStubs;
  let steps: ProspectEnrichment;
  let repository: EnrichmentRepository;
  let accountId: string;

  before(async () => {
    stubs = await ProviderStubs.start();
    const config = loadConfig(childProcessEnv(stubs.env()));
    db = await createDataSource(config.database.url, { poolSize: 2 }).initialize();
    vaultDb = await createVaultDataSource(config.vault.databaseUrl, { poolSize: 1 }).initialize();
    repository = new EnrichmentRepository(db);
    const keys = new ProviderKeys(new EnrichmentProviderKeyRepository(vaultDb), new Vault(config.vault.masterKeys));
    steps = new ProspectEnrichment(repository, new ProviderClients(config), keys, new ProviderRateLimiter(config, new RateBucketRepository(db)));
    ({ accountId } = await bootstrapAccount(db, { accountName: 'Steps', ownerEmail: 'owner@steps.test', ownerName: 'Owner' }));
    await keys.set(accountId, 'zerobounce', STUB_KEYS.zerobounce);
  });

  after(async () => {
    await db?.destroy();
    await vaultDb?.destroy();
    await stubs?.stop();
  });

  it('a step run twice asks the provider once and counts once', async () => {
    const [{ id: prospectId }] = await db.query(
      `INSERT INTO prospects (account_id, email) VALUES ($1, 'valid.twice@steps.test') RETURNING id`, [accountId]);
    const job = await repository.createJob(accountId, 'verify', 'zerobounce', [prospectId]);
    assert.equal(await steps.process(job.id, 0), 'done');
    assert.equal(await steps.process(job.id, 0), 'done');
    assert.equal(stubs.requestsFor('valid.twice@steps.test').length, 1);
    const stored = await repository.findJob(accountId, job.id);
    assert.deepEqual([stored?.processed, stored?.succeeded], [1, 1]);
    const [result] = await repository.results(job.id);
    assert.deepEqual([result.provider, result.verdict, result.prospectId], ['zerobounce', 'valid', prospectId]);
  });

  it('a prospect deleted before its turn is skipped and counted, without a provider call', async () => {
    const [{ id: prospectId }] = await db.query(
      `INSERT INTO prospects (account_id, email) VALUES ($1, 'valid.deleted@steps.test') RETURNING id`, [accountId]);
    const job = await repository.createJob(accountId, 'verify', 'zerobounce', [prospectId]);
    await db.query(`DELETE FROM prospects WHERE id = $1`, [prospectId]);
    assert.equal(await steps.process(job.id, 0), 'skipped_gone');
    assert.equal(await steps.process(job.id, 0), 'done', 'the second run finds the result');
    assert.deepEqual(stubs.requestsFor('valid.deleted@steps.test'), []);
    const stored = await repository.findJob(accountId, job.id);
    assert.deepEqual([stored?.processed, stored?.skipped], [1, 1]);
    assert.equal(await steps.process(job.id, 1), 'job_gone', 'past the end of the list');
  });
});
