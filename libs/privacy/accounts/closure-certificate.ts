import { jwtVerify, SignJWT } from 'jose';
import type { KeyRing } from '@relance/config';
import type { ClosureCertificate } from '@relance/db/entities/account-closure.entity';

/**
 * A closure certificate signed as a compact JWS (HS256, the ring's current key named in `kid`):
 * whoever holds PRIVACY_CERTIFICATE_KEYS (else TOKEN_SIGNING_KEYS) can check that nobody altered the counts it states.
 */
export async function signClosureCertificate(ring: KeyRing, certificate: ClosureCertificate): Promise<string> {
  const key = ring.keys.get(ring.currentId);
  if (!key) throw new Error(`certificate signing key "${ring.currentId}" is not configured (PRIVACY_CERTIFICATE_KEYS)`);
  return new SignJWT({ certificate: certificate as unknown as Record<string, unknown> })
    .setProtectedHeader({ alg: 'HS256', kid: ring.currentId, typ: 'relance-closure-certificate' })
    .setSubject(certificate.accountId)
    .setIssuedAt(Math.floor(new Date(certificate.purgedAt).getTime() / 1000))
    .sign(key);
}

/** The certificate a JWS holds, once its signature is checked against the ring (throws otherwise). */
export async function verifyClosureCertificate(ring: KeyRing, jws: string): Promise<ClosureCertificate> {
  const { payload } = await jwtVerify(jws, async (header) => {
    const key = typeof header.kid === 'string' ? ring.keys.get(header.kid) : undefined;
    if (!key) throw new Error('the certificate is signed with an unknown key');
    return key;
  }, { algorithms: ['HS256'] });
  return payload.certificate as ClosureCertificate;
}
