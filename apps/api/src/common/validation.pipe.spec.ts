import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@relance/errors';
import { ListCampaignsQuery } from '../campaigns/dto/list-campaigns.query';
import { createValidationPipe } from './validation.pipe';

/**
 * Express parses queries flat (`a[b]=1` stays one key), and the JSON parser refuses deep bodies
 * before this pipe: the pipe's own depth check is for whatever parser hands it a value next.
 */
describe('the validation pipe', () => {
  const pipe = createValidationPipe(8);
  const asQuery = { type: 'query' as const, metatype: ListCampaignsQuery };

  it('refuses a query nested past the limit before building the DTO', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 50_000; i++) deep = { a: deep };
    await assert.rejects(pipe.transform({ after: deep }, asQuery), (error: DomainError) => {
      assert.equal(error.code, 'validation_failed');
      assert.equal(error.field, `after${'.a'.repeat(7)}`);
      assert.match(error.message, /^the query nests objects and arrays deeper than 8 levels/);
      return true;
    });
  });

  it('validates a query within it as usual', async () => {
    assert.deepEqual(await pipe.transform({ limit: '5' }, asQuery), Object.assign(new ListCampaignsQuery(), { limit: 5 }));
    await assert.rejects(pipe.transform({ limit: { a: { b: '1' } } }, asQuery), /limit must be an integer/);
  });
});
