import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { parseKeyRing } from '@relance/config';
import { type CertificateBody, CertificateSigner } from './privacy-certificate';

const ring = (id: string) => parseKeyRing(`${id}:${randomBytes(32).toString('base64')}`);
const body: CertificateBody = {
  requestId: '6f1c2a8e-0d7b-4c39-9b8e-2a1f0c3d4e5f', type: 'erasure', found: true,
  counts: { prospects: 1, messages: 3 }, actions: ['temporal: 2 workflows deleted'],
  receivedAt: '2026-01-01T00:00:00.000Z', verifiedAt: '2026-01-01T01:00:00.000Z', completedAt: '2026-01-01T01:00:05.000Z',
};

describe('CertificateSigner', () => {
  it('checks a certificate it signed and gives back its body', async () => {
    const signer = new CertificateSigner(ring('c1'));
    assert.deepEqual(await signer.verify(await signer.sign(body)), body);
  });

  it('refuses a certificate whose body was altered (a count changed)', async () => {
    const signer = new CertificateSigner(ring('c1'));
    const [header, , signature] = (await signer.sign(body)).split('.');
    const altered = Buffer.from(JSON.stringify({ ...body, counts: { prospects: 0, messages: 3 } })).toString('base64url');
    assert.equal(await signer.verify(`${header}.${altered}.${signature}`), null);
  });

  it('refuses a certificate signed with another key, or garbage', async () => {
    const other = await new CertificateSigner(ring('c1')).sign(body);
    const signer = new CertificateSigner(ring('c1'));
    assert.equal(await signer.verify(other), null);
    assert.equal(await signer.verify('not.a.certificate'), null);
  });

  it('names the missing variable when no key ring is configured', async () => {
    await assert.rejects(new CertificateSigner(null).sign(body), /PRIVACY_CERTIFICATE_KEYS/);
  });
});
