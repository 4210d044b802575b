import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { testEnv } from '../../tests/harness/env';
import type { AppConfig } from '@relance/config';
import { createDataSource } from '@relance/db/data-source';
import { SuppressionRepository } from '@relance/db/repositories/suppression.repository';
import { SuppressionService } from './suppression';

describe('SuppressionService on PostgreSQL', () => {
  let dataSource: DataSource;
  let service: SuppressionService;
  let accountId: string;
  let otherAccountId: string;

  before(async () => {
    dataSource = await createDataSource(testEnv().databaseUrl, { poolSize: 2 }).initialize();
    const config = { suppression: { hashKey: randomBytes(32) } } as AppConfig;
    service = new SuppressionService(config, new SuppressionRepository(dataSource));
    const newAccount = async () =>
      (await dataSource.query(`INSERT INTO accounts (name) VALUES ('suppression test') RETURNING id`))[0].id as string;
    accountId = await newAccount();
    otherAccountId = await newAccount();
  });

  after(async () => {
    await dataSource?.query(`DELETE FROM accounts WHERE id = ANY($1::uuid[])`, [[accountId, otherAccountId]]);
    await dataSource?.destroy();
  });

  it('suppresses an address by its hash only: the address is nowhere in the table', async () => {
    const { suppression, created } = await service.suppressEmail(accountId, 'Grace.Hopper@Navy.example', 'manual');
    assert.equal(created, true);
    assert.equal(suppression.kind, 'email');
    assert.equal(suppression.emailHash, service.hashEmail('grace.hopper@navy.example'));
    assert.equal(suppression.domain, null);
    const [row] = await dataSource.query(`SELECT row_to_json(s)::text AS json FROM suppressions s WHERE id = $1`, [suppression.id]);
    assert.ok(!row.json.toLowerCase().includes('grace'), row.json);
    assert.ok(!row.json.toLowerCase().includes('navy'), row.json);
  });

  it('is idempotent: the same address again returns the existing entry', async () => {
    const first = await service.suppressEmail(accountId, 'once@example.com', 'manual');
    const again = await service.suppressEmail(accountId, ' ONCE@example.com', 'complaint');
    assert.equal(again.created, false);
    assert.equal(again.suppression.id, first.suppression.id);
    assert.equal(again.suppression.reason, 'manual', 'the first reason is kept');
    const domain = await service.suppressDomain(accountId, 'Dup.Example.', 'manual');
    const domainAgain = await service.suppressDomain(accountId, 'dup.example', 'manual');
    assert.deepEqual([domain.created, domainAgain.created], [true, false]);
    assert.equal(domainAgain.suppression.id, domain.suppression.id);
    assert.equal(domain.suppression.domain, 'dup.example');
  });

  it('finds an address by its own entry or by its domain and parent domains, in its account only', async () => {
    await service.suppressEmail(accountId, 'ada@open.example', 'unsubscribed');
    await service.suppressDomain(accountId, 'blocked.example', 'manual');
    const check = (email: string, account = accountId) => service.isSuppressed(account, email);

    const byEmail = await check('ADA@open.example');
    assert.equal(byEmail.suppressed, true);
    assert.deepEqual([byEmail.suppression?.kind, byEmail.suppression?.reason], ['email', 'unsubscribed']);
    for (const email of ['anyone@blocked.example', 'x@eu.blocked.example', 'y@a.b.blocked.example']) {
      const byDomain = await check(email);
      assert.equal(byDomain.suppressed, true, email);
      assert.equal(byDomain.suppression?.domain, 'blocked.example');
    }
    for (const email of ['bob@open.example', 'x@notblocked.example', 'x@blocked.example.org']) {
      assert.deepEqual(await check(email), { suppressed: false }, email);
    }
    assert.deepEqual(await check('ada@open.example', otherAccountId), { suppressed: false });
    assert.deepEqual(await check('anyone@blocked.example', otherAccountId), { suppressed: false });
  });

  it('prefers the address\'s own entry over its domain\'s', async () => {
    await service.suppressDomain(accountId, 'both.example', 'manual');
    await service.suppressEmail(accountId, 'who@both.example', 'complaint');
    const result = await service.isSuppressed(accountId, 'who@both.example');
    assert.equal(result.suppression?.kind, 'email');
    assert.equal(result.suppression?.reason, 'complaint');
  });

  it('refuses rows that mix the kinds (database check)', async () => {
    await assert.rejects(
      dataSource.query(
        `INSERT INTO suppressions (account_id, kind, email_hash, domain, reason) VALUES ($1, 'email', 'abc', 'x.example', 'manual')`,
        [accountId],
      ),
      /ck_suppressions_kind/,
    );
  });
});
