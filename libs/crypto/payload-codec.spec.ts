import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { KeyRing } from '@relance/config';
import { ENCRYPTED_ENCODING, EncryptionCodec } from './payload-codec';

function ring(currentId: string, keys: Record<string, Buffer>): KeyRing {
  return { currentId, keys: new Map(Object.entries(keys)) };
}

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const codec = new EncryptionCodec(ring('p1', { p1: oldKey }));

const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');
const emailPayload = () => defaultPayloadConverter.toPayload({ email: 'a@b.c' });

describe('EncryptionCodec', () => {
  it('decodes what it encoded back to the same payload', async () => {
    const original = emailPayload();
    const [encoded] = await codec.encode([original]);
    const [decoded] = await codec.decode([encoded]);
    assert.equal(text(decoded.metadata?.encoding), 'json/plain');
    assert.deepEqual(Buffer.from(decoded.data ?? []), Buffer.from(original.data ?? []));
    assert.deepEqual(Object.keys(decoded.metadata ?? {}).sort(), Object.keys(original.metadata ?? {}).sort());
    assert.deepEqual(defaultPayloadConverter.fromPayload(decoded), { email: 'a@b.c' });
  });

  it('keeps order and count over several payloads, including undefined and binary ones', async () => {
    const originals = [
      emailPayload(),
      defaultPayloadConverter.toPayload(undefined),
      defaultPayloadConverter.toPayload(new Uint8Array([0, 1, 2, 255])),
      defaultPayloadConverter.toPayload('enrollment:42'),
    ];
    const decoded = await codec.decode(await codec.encode(originals));
    assert.equal(decoded.length, 4);
    assert.deepEqual(defaultPayloadConverter.fromPayload(decoded[0]), { email: 'a@b.c' });
    assert.equal(defaultPayloadConverter.fromPayload(decoded[1]), undefined);
    assert.deepEqual(defaultPayloadConverter.fromPayload(decoded[2]), new Uint8Array([0, 1, 2, 255]));
    assert.equal(defaultPayloadConverter.fromPayload(decoded[3]), 'enrollment:42');
    assert.deepEqual(await codec.encode([]), []);
  });

  it('leaves nothing readable in the encoded payload', async () => {
    const [encoded] = await codec.encode([emailPayload()]);
    const data = Buffer.from(encoded.data ?? []);
    assert.equal(data.includes(Buffer.from('a@b.c')), false);
    assert.equal(data.includes(Buffer.from('email')), false);
    assert.equal(data.includes(Buffer.from('json/plain')), false);
    for (const value of Object.values(encoded.metadata ?? {})) {
      assert.equal(Buffer.from(value).includes(Buffer.from('a@b.c')), false);
    }
  });

  it('marks the encoding as binary/encrypted and names the key, nothing else', async () => {
    const [encoded] = await codec.encode([emailPayload()]);
    assert.equal(ENCRYPTED_ENCODING, 'binary/encrypted');
    assert.deepEqual(
      Object.fromEntries(Object.entries(encoded.metadata ?? {}).map(([name, value]) => [name, text(value)])),
      { encoding: 'binary/encrypted', 'encryption-key-id': 'p1' },
    );
  });

  it('never produces the same bytes twice for the same payload', async () => {
    const [first, second] = await codec.encode([emailPayload(), emailPayload()]);
    assert.notDeepEqual(Buffer.from(first.data ?? []), Buffer.from(second.data ?? []));
  });

  it('passes unencrypted payloads through decode untouched', async () => {
    const plain = emailPayload();
    const noMetadata: Payload = { data: Buffer.from('raw') };
    const [first, second] = await codec.decode([plain, noMetadata]);
    assert.equal(first, plain);
    assert.equal(second, noMetadata);
  });

  it('fails, naming the key and the variable, when the ring lacks the key', async () => {
    const [encoded] = await codec.encode([emailPayload()]);
    const stranger = new EncryptionCodec(ring('p2', { p2: newKey }));
    await assert.rejects(stranger.decode([encoded]), /payload key "p1" is not configured \(TEMPORAL_PAYLOAD_KEYS\)/);
  });

  it('fails on an encrypted payload without a key id', async () => {
    const [encoded] = await codec.encode([emailPayload()]);
    const { 'encryption-key-id': _keyId, ...metadata } = encoded.metadata ?? {};
    await assert.rejects(codec.decode([{ ...encoded, metadata }]), /no key id/);
  });

  it('fails on tampered data', async () => {
    const [encoded] = await codec.encode([emailPayload()]);
    const data = Buffer.from(encoded.data ?? []);
    data[data.length - 1] ^= 0x01;
    await assert.rejects(codec.decode([{ ...encoded, data }]));
  });

  it('fails when the key id is relabelled to another key of the ring', async () => {
    const both = new EncryptionCodec(ring('p1', { p1: oldKey, p2: newKey }));
    const [encoded] = await both.encode([emailPayload()]);
    await assert.rejects(both.decode([{ ...encoded, metadata: { ...encoded.metadata, 'encryption-key-id': Buffer.from('p2') } }]));
  });

  it('after rotation, encodes under the new key and still decodes old histories', async () => {
    const rotated = new EncryptionCodec(ring('p2', { p2: newKey, p1: oldKey }));
    const [old] = await codec.encode([emailPayload()]);
    const [fresh] = await rotated.encode([emailPayload()]);
    assert.equal(text(fresh.metadata?.['encryption-key-id']), 'p2');
    for (const payload of await rotated.decode([old, fresh])) {
      assert.deepEqual(defaultPayloadConverter.fromPayload(payload), { email: 'a@b.c' });
    }
  });
});
