import { CompactSign, compactVerify, decodeProtectedHeader, errors } from 'jose';
import type { KeyRing } from '@relance/config';

/** What a completed request's certificate states: ids, table names, counts and times, nobody's data. */
export interface CertificateBody {
  requestId: string;
  type: 'access' | 'erasure' | 'rectification' | 'restriction';
  /** False when nothing about the subject was held. */
  found: boolean;
  /** What was done, per table (erasure: rows erased; access: rows exported; restriction, rectification: rows changed). */
  counts: Record<string, number>;
  /** Other stores touched (Temporal workflows deleted, fields rectified by name). */
  actions: string[];
  receivedAt: string;
  verifiedAt: string | null;
  completedAt: string;
}

const ALGORITHM = 'HS256';

/**
 * Signs certificates as compact JWS (HMAC-SHA256 under PRIVACY_CERTIFICATE_KEYS, the first key
 * signing, every key checking, `kid` naming it), so a certificate shown later can be checked
 * against the one Relance issued: any altered byte fails.
 */
export class CertificateSigner {
  constructor(private readonly ring: KeyRing | null) {}

  async sign(body: CertificateBody): Promise<string> {
    const ring = this.requireRing();
    const key = ring.keys.get(ring.currentId)!;
    return new CompactSign(Buffer.from(JSON.stringify(body), 'utf8'))
      .setProtectedHeader({ alg: ALGORITHM, kid: ring.currentId, typ: 'relance-privacy-certificate' })
      .sign(key);
  }

  /** The certificate's body when its signature holds; null when it was altered, forged or is not a certificate. */
  async verify(certificate: string): Promise<CertificateBody | null> {
    const ring = this.requireRing();
    let kid: unknown;
    try {
      kid = decodeProtectedHeader(certificate).kid;
    } catch {
      return null;
    }
    const key = typeof kid === 'string' ? ring.keys.get(kid) : undefined;
    if (!key) return null;
    try {
      const { payload } = await compactVerify(certificate, key, { algorithms: [ALGORITHM] });
      return JSON.parse(Buffer.from(payload).toString('utf8')) as CertificateBody;
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof SyntaxError) return null;
      throw error;
    }
  }

  private requireRing(): KeyRing {
    if (!this.ring) throw new Error('PRIVACY_CERTIFICATE_KEYS is not set: privacy certificates cannot be signed or checked');
    return this.ring;
  }
}
