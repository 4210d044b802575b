import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestApi, TestAccount } from '../../support/test-api';

describe('prospects', () => {
  let api: TestApi;
  let account: TestAccount;

  before(async () => {
    api = await TestApi.start();
    account = await api.newAccount();
  });
  after(() => api?.close());

  describe('one at a time', () => {
    let created: any;

    it('creates a prospect with a normalised email and canonical time zone', async () => {
      const res = await account.call('POST', '/v1/prospects', {
        email: '  Ada.Lovelace@Example.COM ',
        firstName: 'Ada',
        lastName: 'Lovelace',
        position: 'Analyst',
        company: 'Engines',
        country: 'GB',
        timeZone: 'europe/london',
        customFields: { role: 'founder', _tier: 'A1' },
      });
      assert.equal(res.status, 201, res.text);
      created = res.body;
      assert.equal(created.email, 'ada.lovelace@example.com');
      assert.equal(created.timeZone, 'Europe/London');
      assert.deepEqual(created.customFields, { role: 'founder', _tier: 'A1' });
      assert.equal(created.status, 'active');
      assert.equal(created.restricted, false);
      assert.equal(created.suppressed, false);
    });

    it('says which prospects the suppression list covers, by address or by domain', async () => {
      const listed = await api.newAccount('suppressed');
      assert.equal((await listed.call('POST', '/v1/suppressions', { email: 'Gone@Prospect.test' })).status, 201);
      assert.equal((await listed.call('POST', '/v1/suppressions', { domain: 'blocked.test' })).status, 201);
      const gone = await listed.call('POST', '/v1/prospects', { email: 'gone@prospect.test' });
      assert.equal(gone.status, 201, gone.text);
      assert.equal(gone.body.suppressed, true);
      const batch = await listed.call('POST', '/v1/prospects/batch', {
        prospects: [{ email: 'someone@sub.blocked.test' }, { email: 'fine@prospect.test' }],
      });
      assert.deepEqual(batch.body.created.map((p: { suppressed: boolean }) => p.suppressed), [true, false]);
      const page = await listed.call('GET', '/v1/prospects');
      // A batch's rows share their creation time: compared as a set.
      const shown = new Map(page.body.data.map((p: { email: string; suppressed: boolean }) => [p.email, p.suppressed]));
      assert.deepEqual(shown, new Map([['gone@prospect.test', true], ['someone@sub.blocked.test', true], ['fine@prospect.test', false]]));
      assert.equal((await listed.call('GET', `/v1/prospects/${gone.body.id}`)).body.suppressed, true);
    });

    it('reads it back', async () => {
      const res = await account.call('GET', `/v1/prospects/${created.id}`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, created);
    });

    it('refuses the same email again (whatever its case) with 409 naming email', async () => {
      const res = await account.call('POST', '/v1/prospects', { email: 'ADA.LOVELACE@example.com' });
      assert.equal(res.status, 409);
      assert.equal(res.body.error.code, 'conflict');
      assert.equal(res.body.error.field, 'email');
    });

    it('refuses other spellings of one address with the same 409: Unicode forms, punycode, zero-width edges', async () => {
      const speller = await api.newAccount('spellings');
      const pairs: [string, string][] = [
        ['jos\u00e9@ex\u00e4mple.com', 'jose\u0301@exa\u0308mple.com'], // NFC, then NFD
        ['mar\u00eda@b\u00fccher.de', 'mar\u00eda@xn--bcher-kva.de'], // Unicode domain, then punycode
        ['ada@prospect.com', 'ada@prospect.com\u200b'], // then a trailing zero-width space
        ['\ufeffgrace@prospect.com\u2060', 'grace@prospect.com'],
      ];
      for (const [first, second] of pairs) {
        const created = await speller.call('POST', '/v1/prospects', { email: first });
        assert.equal(created.status, 201, created.text);
        const again = await speller.call('POST', '/v1/prospects', { email: second });
        assert.equal(again.status, 409, `${JSON.stringify(second)}: ${again.text}`);
        assert.equal(again.body.error.code, 'conflict');
        assert.equal(again.body.error.field, 'email');
      }
      const emails = (await speller.call('GET', '/v1/prospects')).body.data.map((p: any) => p.email);
      assert.deepEqual(emails, ['jos\u00e9@xn--exmple-cua.com', 'mar\u00eda@xn--bcher-kva.de', 'ada@prospect.com', 'grace@prospect.com']);

      const batch = await speller.call('POST', '/v1/prospects/batch', {
        prospects: [{ email: 'jose\u0301@xn--exmple-cua.com' }, { email: 'new@ex\u00e4mple.com' }, { email: 'new@xn--exmple-cua.com\u200d' }],
      });
      assert.equal(batch.status, 200, batch.text);
      assert.deepEqual(batch.body.created.map((p: any) => p.email), ['new@xn--exmple-cua.com']);
      assert.deepEqual(batch.body.errors.map((e: any) => [e.index, e.code, e.field]), [[0, 'conflict', 'email'], [2, 'conflict', 'email']]);
    });

    it('refuses an invisible character inside an address with 400 naming email', async () => {
      const res = await account.call('POST', '/v1/prospects', { email: 'ad\u200ba@prospect.com' });
      assert.equal(res.status, 400, res.text);
      assert.equal(res.body.error.code, 'validation_failed');
      assert.equal(res.body.error.field, 'email');
      assert.match(res.body.error.message, /email must not contain invisible characters/);
    });

    it('lets another account have the same email, and hides each one\'s prospects from the other', async () => {
      const other = await api.newAccount('other');
      const res = await other.call('POST', '/v1/prospects', { email: 'ada.lovelace@example.com' });
      assert.equal(res.status, 201);
      assert.equal((await other.call('GET', `/v1/prospects/${created.id}`)).status, 404);
      assert.equal((await account.call('GET', `/v1/prospects/${res.body.id}`)).status, 404);
      const list = await other.call('GET', '/v1/prospects');
      assert.deepEqual(list.body.data.map((p: any) => p.id), [res.body.id]);
    });

    const invalid: [string, unknown, string][] = [
      ['a missing email', { firstName: 'X' }, 'email must be an email'],
      ['an invalid email', { email: 'nope@' }, 'email must be an email'],
      ['an unknown field', { email: 'a@b.co', phone: '1' }, 'property phone should not exist'],
      ['an invalid time zone', { email: 'a@b.co', timeZone: 'Europe/Atlantis' }, 'timeZone must be an IANA time zone'],
      ['a bad custom field key', { email: 'a@b.co', customFields: { '1st': 'x' } }, 'customFields key "1st" must start'],
      ['a non-string custom field', { email: 'a@b.co', customFields: { size: 3 } }, 'customFields.size must be a string'],
      ['a non-string name', { email: 'a@b.co', firstName: 42 }, 'firstName must be a string'],
    ];
    for (const [label, body, message] of invalid) {
      it(`refuses ${label} with 400 validation_failed`, async () => {
        const res = await account.call('POST', '/v1/prospects', body);
        assert.equal(res.status, 400, res.text);
        assert.equal(res.body.error.code, 'validation_failed');
        assert.ok(res.body.error.message.includes(message), `"${res.body.error.message}" mentions "${message}"`);
      });
    }
  });

  describe('in a batch', () => {
    it('creates the valid rows and reports each other row with its index', async () => {
      const batcher = await api.newAccount('batch');
      await batcher.call('POST', '/v1/prospects', { email: 'existing@example.com' });
      const res = await batcher.call('POST', '/v1/prospects/batch', {
        prospects: [
          { email: 'one@example.com', firstName: 'One' },
          { email: 'not-an-email', lastName: 7 },
          { email: 'Existing@example.com' },
          { email: 'two@example.com', customFields: { plan: 'pro' } },
          { email: 'ONE@example.com' },
          'a string',
          { email: 'three@example.com', extra: true },
        ],
      });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.created.map((p: any) => p.email), ['one@example.com', 'two@example.com']);
      const problems = res.body.errors.map((e: any) => JSON.stringify([e.index, e.code, e.field]));
      assert.deepEqual(
        [...new Set(problems)].map((p) => JSON.parse(p as string)),
        [
          [1, 'validation_failed', 'email'],
          [1, 'validation_failed', 'lastName'],
          [2, 'conflict', 'email'],
          [4, 'conflict', 'email'],
          [5, 'validation_failed', ''],
          [6, 'validation_failed', 'extra'],
        ],
      );
      const messageOf = (index: number) => res.body.errors.find((e: any) => e.index === index).message;
      assert.equal(messageOf(4), 'email repeats row 0');
      assert.equal(messageOf(5), 'row must be an object');
      assert.equal(messageOf(6), 'property extra should not exist');
      const list = await batcher.call('GET', '/v1/prospects?limit=200');
      assert.equal(list.body.data.length, 3);
    });

    it('refuses an empty batch, and one over 1000 rows, as a whole', async () => {
      const empty = await account.call('POST', '/v1/prospects/batch', { prospects: [] });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.error.field, 'prospects');
      const rows = Array.from({ length: 1001 }, (_, i) => ({ email: `p${i}@example.com` }));
      const tooMany = await account.call('POST', '/v1/prospects/batch', { prospects: rows });
      assert.equal(tooMany.status, 400);
      assert.match(tooMany.body.error.message, /prospects must contain no more than 1000 elements/);
    });

    it('creates 1000 rows at once', async () => {
      const bulk = await api.newAccount('bulk');
      const rows = Array.from({ length: 1000 }, (_, i) => ({
        email: `p${i}@example.com`,
        firstName: `P${i}`,
        customFields: { note: 'x'.repeat(200) },
      }));
      const res = await bulk.call('POST', '/v1/prospects/batch', { prospects: rows });
      assert.equal(res.status, 200, res.text.slice(0, 300));
      assert.equal(res.body.created.length, 1000);
      assert.deepEqual(res.body.errors, []);
    });
  });

  describe('listing', () => {
    it('pages through every prospect once, oldest first, with a cursor', async () => {
      const lister = await api.newAccount('lister');
      const emails = Array.from({ length: 7 }, (_, i) => `l${i}@example.com`);
      await lister.call('POST', '/v1/prospects/batch', { prospects: emails.slice(0, 4).map((email) => ({ email })) });
      for (const email of emails.slice(4)) await lister.call('POST', '/v1/prospects', { email });
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const res: any = await lister.call('GET', `/v1/prospects?limit=3${after ? `&after=${after}` : ''}`);
        assert.equal(res.status, 200, res.text);
        assert.ok(res.body.data.length <= 3);
        seen.push(...res.body.data.map((p: any) => p.email));
        after = res.body.nextCursor;
        pages++;
      } while (after);
      assert.equal(pages, 3);
      assert.deepEqual([...seen.slice(0, 4)].sort(), emails.slice(0, 4));
      assert.deepEqual(seen.slice(4), emails.slice(4));
    });

    it('refuses a bad limit, and a prospect id where the opaque cursor belongs', async () => {
      const bad = await account.call('GET', '/v1/prospects?limit=0');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'limit');
      const other = await api.newAccount('cursor');
      const foreign = (await other.call('POST', '/v1/prospects', { email: 'c@example.com' })).body.id;
      const res = await account.call('GET', `/v1/prospects?after=${foreign}`);
      assert.equal(res.status, 400);
      assert.equal(res.body.error.field, 'after');
    });
  });
});
