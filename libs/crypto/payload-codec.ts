import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { KeyRing } from '@relance/config';
import { decrypt, encrypt } from './aes-gcm';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
const KEY_ID_METADATA = 'encryption-key-id';

/**
 * Encrypts every Temporal payload (inputs, results, signals, memos, failures' details, and
 * failures' messages and stack traces, which libs/temporal/failure-converter.ts moves into a
 * payload) with AES-256-GCM, so workflow histories hold no readable data. The key id travels in the
 * payload's metadata, so keys can rotate while old histories stay readable.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly ring: KeyRing) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const keyId = this.ring.currentId;
    const key = this.key(keyId);
    return payloads.map((payload) => ({
      metadata: {
        encoding: Buffer.from(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: Buffer.from(keyId),
      },
      data: encrypt(key, Buffer.from(temporal.api.common.v1.Payload.encode(payload).finish())),
    }));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.encoding && Buffer.from(payload.metadata.encoding).toString();
      if (encoding !== ENCRYPTED_ENCODING || !payload.data) return payload;
      const keyIdBytes = payload.metadata?.[KEY_ID_METADATA];
      if (!keyIdBytes) throw new Error('encrypted payload has no key id');
      const plain = decrypt(this.key(Buffer.from(keyIdBytes).toString()), Buffer.from(payload.data));
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }

  private key(keyId: string): Buffer {
    const key = this.ring.keys.get(keyId);
    if (!key) throw new Error(`payload key "${keyId}" is not configured (TEMPORAL_PAYLOAD_KEYS)`);
    return key;
  }
}
