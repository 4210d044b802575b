import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@relance/errors';
import type { LaunchCampaignDto } from './dto/launch.dto';
import { launchChoiceOf } from './launch-choice';

const THREE_WAYS = /exactly one of: "prospectIds" \(a list of prospect ids\), "all": true \(every eligible prospect of the account\) or "filter"/;

function refusal(body: LaunchCampaignDto): DomainError {
  try {
    launchChoiceOf(body);
  } catch (error) {
    assert.ok(error instanceof DomainError);
    assert.equal(error.code, 'validation_failed');
    return error;
  }
  assert.fail(`accepted ${JSON.stringify(body)}`);
}

describe('launchChoiceOf', () => {
  it('takes each of the three ways', () => {
    const id = '0F1E2D3C-4B5A-4968-8776-655443322110';
    assert.deepEqual(launchChoiceOf({ prospectIds: [id, id.toLowerCase()] }), { kind: 'prospects', prospectIds: [id.toLowerCase()] });
    assert.deepEqual(launchChoiceOf({ all: true }), { kind: 'all' });
    assert.deepEqual(launchChoiceOf({ filter: { country: 'FR', createdAfter: '2026-03-01T10:00:00+01:00', createdBefore: '2026-04-01' } }), {
      kind: 'filter',
      filter: { country: 'FR', createdAfter: '2026-03-01T09:00:00.000Z', createdBefore: '2026-04-01T00:00:00.000Z' },
    });
  });

  it('refuses a body that chooses nothing, saying the three ways', () => {
    const error = refusal({});
    assert.match(error.message, /^a launch must say whom to enroll/);
    assert.match(error.message, THREE_WAYS);
    assert.equal(error.field, undefined);
  });

  it('refuses two or three choices at once, naming them', () => {
    const two = refusal({ all: true, filter: { country: 'FR' } });
    assert.equal(two.field, 'filter');
    assert.match(two.message, /^only one may be given, not all and filter: /);
    assert.match(two.message, THREE_WAYS);
    assert.match(refusal({ prospectIds: [], all: true, filter: {} }).message, /not prospectIds and all and filter/);
  });

  it('refuses all: false rather than reading it as a choice', () => {
    const error = refusal({ all: false });
    assert.equal(error.field, 'all');
    assert.match(error.message, /^all must be true to enroll every eligible prospect: /);
  });

  it('refuses a filter without a criterion, or with an empty time range', () => {
    const empty = refusal({ filter: {} });
    assert.equal(empty.field, 'filter');
    assert.equal(empty.message, 'filter must name at least one of company, country, timeZone, createdAfter, createdBefore, tag');
    const backwards = refusal({ filter: { createdAfter: '2026-04-01', createdBefore: '2026-04-01T00:00:00Z' } });
    assert.equal(backwards.field, 'filter.createdBefore');
    assert.match(backwards.message, /must be later than filter.createdAfter/);
  });
});
