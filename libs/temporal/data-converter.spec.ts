import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { ApplicationFailure } from '@temporalio/common';
import {
  decodeOptionalFailureToOptionalError, encodeErrorToFailure, loadDataConverter,
} from '@temporalio/common/lib/internal-non-workflow';
import { temporal } from '@temporalio/proto';
import { createDataConverter } from './data-converter';

const config = (keyId: string, key: Buffer) => ({
  temporal: { address: 'unused:0', namespace: 'default', uiUrl: undefined, payloadKeys: { currentId: keyId, keys: new Map([[keyId, key]]) } },
});
const key = randomBytes(32);
// Loaded as the client and the worker load it (by path, then the codecs).
const converter = loadDataConverter(createDataConverter(config('p1', key)));

/** A failure as an SMTP reply quoting a person could produce it, with a cause. */
function failureQuotingAPerson(): ApplicationFailure {
  const cause = new Error('550 mailbox of Ada Lovelace at Initech is full');
  return ApplicationFailure.create({ message: 'send failed for ada@initech.test', type: 'TransientSendError', cause });
}

describe('data converter: failures', () => {
  it('stores failure messages and stack traces encrypted, the cause too', async () => {
    const failure = await encodeErrorToFailure(converter, failureQuotingAPerson());
    const bytes = Buffer.from(temporal.api.failure.v1.Failure.encode(failure).finish());
    for (const clear of ['Ada', 'Lovelace', 'Initech', 'ada@initech.test', 'data-converter.spec']) {
      assert.equal(bytes.toString('latin1').toLowerCase().includes(clear.toLowerCase()), false, clear);
    }
    assert.equal(failure.message, 'Encoded failure');
    assert.equal(failure.cause?.message, 'Encoded failure');
    assert.equal(failure.applicationFailureInfo?.type, 'TransientSendError', 'the type stays readable, for retry policies');
  });

  it('gives the message and the cause back to a client with the same keys', async () => {
    const failure = await encodeErrorToFailure(converter, failureQuotingAPerson());
    const error = await decodeOptionalFailureToOptionalError(converter, failure);
    assert.ok(error instanceof ApplicationFailure);
    assert.equal(error.message, 'send failed for ada@initech.test');
    assert.equal(error.type, 'TransientSendError');
    assert.match(String((error.cause as Error).message), /Ada Lovelace at Initech/);
    assert.match(error.stack ?? '', /data-converter\.spec/);
  });

  it('cannot be read back without the key', async () => {
    const failure = await encodeErrorToFailure(converter, failureQuotingAPerson());
    const stranger = loadDataConverter(createDataConverter(config('p2', randomBytes(32))));
    await assert.rejects(decodeOptionalFailureToOptionalError(stranger, failure), /payload key "p1" is not configured/);
  });
});
