import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TestApi, TestAccount } from '../../support/test-api';

/** Tags on one prospect (POST /:id/tags, DELETE /:id/tags/:tag) and bulk actions (POST /bulk). */
describe('prospect tags and bulk actions', () => {
  let api: TestApi;
  let account: TestAccount;
  let other: TestAccount;

  before(async () => {
    api = await TestApi.start((config) => ({ ...config, prospectBulk: { maxIds: 5 } }));
    account = await api.newAccount('tagger');
    other = await api.newAccount('tag intruder');
  });
  after(() => api?.close());

  const create = async (owner: TestAccount, email: string, tags?: string[]) => {
    const res = await owner.call('POST', '/v1/prospects', { email, ...(tags ? { tags } : {}) });
    assert.equal(res.status, 201, res.text);
    return res.body.id as string;
  };
  const tagsOf = async (owner: TestAccount, id: string) => (await owner.call('GET', `/v1/prospects/${id}`)).body.tags;

  describe('on one prospect', () => {
    it('adds tags normalised, keeps the ones it has once, in order', async () => {
      const id = await create(account, 'one@tags.test', ['existing']);
      const res = await account.call('POST', `/v1/prospects/${id}/tags`, { tags: ['  Met  at\tWebSummit ', 'EXISTING', 'vip', 'VIP'] });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.tags, ['existing', 'met at websummit', 'vip']);
    });

    it('removes a tag given URL-encoded in any capitals; removing an absent tag changes nothing', async () => {
      const id = await create(account, 'two@tags.test', ['met at websummit', 'vip']);
      const res = await account.call('DELETE', `/v1/prospects/${id}/tags/${encodeURIComponent('Met At WebSummit')}`);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.tags, ['vip']);
      const again = await account.call('DELETE', `/v1/prospects/${id}/tags/absent`);
      assert.equal(again.status, 200);
      assert.deepEqual(again.body.tags, ['vip']);
    });

    it('refuses more than 100 tags in all with 400 naming tags, adding none', async () => {
      const id = await create(account, 'full@tags.test', Array.from({ length: 99 }, (_, i) => `t${i}`));
      const res = await account.call('POST', `/v1/prospects/${id}/tags`, { tags: ['one more', 'and another'] });
      assert.equal(res.status, 400, res.text);
      assert.equal(res.body.error.field, 'tags');
      assert.match(res.body.error.message, /at most 100 tags/);
      assert.equal((await tagsOf(account, id)).length, 99);
      assert.equal((await account.call('POST', `/v1/prospects/${id}/tags`, { tags: ['t0', 'last'] })).status, 200, 'exactly 100 is fine');
    });

    const invalid: [string, unknown, string][] = [
      ['an empty list', { tags: [] }, 'tags must contain at least 1 elements'],
      ['a blank tag', { tags: ['ok', ' '] }, 'each value in tags must not be empty'],
      ['a tag over 64 characters', { tags: ['x'.repeat(65)] }, 'each value in tags must be at most 64 characters'],
      ['a control character', { tags: ['a\u0007b'] }, 'each value in tags must be a single line'],
      ['a non-string tag', { tags: [{ name: 'vip' }] }, 'each value in tags must be a string'],
      ['tags as a string', { tags: 'vip' }, 'tags must be an array'],
      ['an unknown field', { tags: ['ok'], colour: 'red' }, 'property colour should not exist'],
    ];
    for (const [label, body, message] of invalid) {
      it(`refuses ${label} with 400`, async () => {
        const id = await create(account, `bad-${randomUUID()}@tags.test`, ['kept']);
        const res = await account.call('POST', `/v1/prospects/${id}/tags`, body);
        assert.equal(res.status, 400, res.text);
        assert.ok(res.body.error.message.includes(message), `"${res.body.error.message}" mentions "${message}"`);
        assert.deepEqual(await tagsOf(account, id), ['kept']);
      });
    }

    it('refuses a path tag over 64 characters, and a malformed id, with 400 naming them', async () => {
      const id = await create(account, 'path@tags.test');
      const long = await account.call('DELETE', `/v1/prospects/${id}/tags/${'x'.repeat(65)}`);
      assert.equal(long.status, 400);
      assert.equal(long.body.error.field, 'tag');
      const badId = await account.call('DELETE', '/v1/prospects/nope/tags/vip');
      assert.equal(badId.status, 400);
      assert.equal(badId.body.error.field, 'id');
    });

    it('answers 404 to another account\'s key on both routes, touching nothing', async () => {
      const id = await create(account, 'isolated@tags.test', ['mine']);
      assert.equal((await other.call('POST', `/v1/prospects/${id}/tags`, { tags: ['theirs'] })).status, 404);
      assert.equal((await other.call('DELETE', `/v1/prospects/${id}/tags/mine`)).status, 404);
      assert.equal((await account.call('POST', `/v1/prospects/${randomUUID()}/tags`, { tags: ['x'] })).status, 404);
      assert.deepEqual(await tagsOf(account, id), ['mine']);
    });
  });

  describe('in bulk', () => {
    it('tags and untags many, reporting each id once: changed, unchanged, or not found (another account\'s untouched)', async () => {
      const [a, b, c] = [await create(account, 'a@bulk.test'), await create(account, 'b@bulk.test', ['vip']), await create(account, 'c@bulk.test')];
      const foreign = await create(other, 'foreign@bulk.test');
      const unknown = randomUUID();
      const tagged = await account.call('POST', '/v1/prospects/bulk', { action: 'tag', ids: [a, b, foreign, unknown, a.toUpperCase()], tags: ['VIP'] });
      assert.equal(tagged.status, 200, tagged.text);
      assert.deepEqual(tagged.body, {
        action: 'tag',
        results: [
          { id: a, outcome: 'tagged' }, { id: b, outcome: 'unchanged' }, { id: foreign, outcome: 'not_found' }, { id: unknown, outcome: 'not_found' },
        ],
        counts: { tagged: 1, unchanged: 1, not_found: 2 },
      });
      assert.deepEqual(await tagsOf(other, foreign), []);
      const untagged = await account.call('POST', '/v1/prospects/bulk', { action: 'untag', ids: [a, b, c], tags: ['vip', 'other'] });
      assert.equal(untagged.status, 200, untagged.text);
      assert.deepEqual(untagged.body.results.map((r: any) => r.outcome), ['untagged', 'untagged', 'unchanged']);
      assert.deepEqual([await tagsOf(account, a), await tagsOf(account, b)], [[], []]);
    });

    it('deletes as forget does: erased, blacklisted, reported; another account\'s prospect stays', async () => {
      const [a, b] = [await create(account, 'gone.a@bulk.test'), await create(account, 'gone.b@bulk.test')];
      const foreign = await create(other, 'foreign.keep@bulk.test');
      const res = await account.call('POST', '/v1/prospects/bulk', { action: 'delete', ids: [a, foreign, b] });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.results, [{ id: a, outcome: 'deleted' }, { id: foreign, outcome: 'not_found' }, { id: b, outcome: 'deleted' }]);
      assert.equal((await account.call('GET', `/v1/prospects/${a}`)).status, 404);
      assert.equal((await account.call('GET', `/v1/prospects/${b}`)).status, 404);
      assert.equal((await other.call('GET', `/v1/prospects/${foreign}`)).status, 200);
      const again = await account.call('POST', '/v1/prospects', { email: 'gone.a@bulk.test' });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'suppressed');
      const audited = await api.dataSource.query(
        `SELECT target_id FROM audit_events WHERE action = 'prospect.erased' AND actor_id = $1 AND target_id = ANY($2)`,
        [account.apiKeyId, [a, b, foreign]],
      );
      assert.deepEqual(new Set(audited.map((row: any) => row.target_id)), new Set([a, b]));
      const twice = await account.call('POST', '/v1/prospects/bulk', { action: 'delete', ids: [a] });
      assert.deepEqual(twice.body.results, [{ id: a, outcome: 'not_found' }]);
    });

    const invalid: [string, unknown, string, string][] = [
      ['an unknown action', { action: 'archive', ids: [randomUUID()] }, 'action', 'action must be one of the following values'],
      ['no action', { ids: [randomUUID()] }, 'action', 'action must be one of the following values'],
      ['an empty list', { action: 'delete', ids: [] }, 'ids', 'ids must contain at least 1 elements'],
      ['ids as a string', { action: 'delete', ids: 'all' }, 'ids', 'ids must be an array'],
      ['a malformed id', { action: 'delete', ids: ['1; DROP TABLE prospects'] }, 'ids', 'each value in ids must be a UUID'],
      ['more ids than configured', { action: 'delete', ids: Array.from({ length: 6 }, () => randomUUID()) }, 'ids', 'ids must contain no more than 5 distinct prospects'],
      ['tag without tags', { action: 'tag', ids: [randomUUID()] }, 'tags', 'tags must be an array'],
      ['untag with an empty list', { action: 'untag', ids: [randomUUID()], tags: [] }, 'tags', 'tags must contain at least 1 elements'],
      ['a tag over 64 characters', { action: 'tag', ids: [randomUUID()], tags: ['y'.repeat(65)] }, 'tags', 'each value in tags must be at most 64 characters'],
      ['tags with delete', { action: 'delete', ids: [randomUUID()], tags: ['vip'] }, 'tags', 'tags are for the tag and untag actions'],
      ['an unknown field', { action: 'delete', ids: [randomUUID()], force: true }, 'force', 'property force should not exist'],
    ];
    for (const [label, body, field, message] of invalid) {
      it(`refuses ${label} with 400 naming ${field}`, async () => {
        const res = await account.call('POST', '/v1/prospects/bulk', body);
        assert.equal(res.status, 400, res.text);
        assert.equal(res.body.error.field, field);
        assert.ok(res.body.error.message.includes(message), `"${res.body.error.message}" mentions "${message}"`);
      });
    }

    it('takes as many ids as configured, repeats counted once, and refuses nothing good for a bad neighbour', async () => {
      const id = await create(account, 'repeat@bulk.test');
      const ids = [id, id, id, id, id, randomUUID()];
      const res = await account.call('POST', '/v1/prospects/bulk', { action: 'tag', ids, tags: ['repeat'] });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.counts, { tagged: 1, not_found: 1 });
    });

    it('answers 401 without a key', async () => {
      assert.equal((await api.request('POST', '/v1/prospects/bulk', { body: { action: 'delete', ids: [randomUUID()] } })).status, 401);
    });
  });
});
