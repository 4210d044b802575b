import type { Payload } from '@temporalio/common';
import { EncryptionCodec } from '@relance/crypto/payload-codec';
import { DomainError } from '@relance/errors';
import { payloadsToWire, type WirePayload } from './codec-wire';

/**
 * The payload codec of Relance's data converter behind Temporal's remote codec protocol, for
 * the API's /codec (staff tokens: the CLI) and the console's (its session: the Web UI).
 */
export class PayloadDecoder {
  private readonly codec: EncryptionCodec;

  constructor(private readonly temporal: { namespace: string; payloadKeys: ConstructorParameters<typeof EncryptionCodec>[0] }) {
    this.codec = new EncryptionCodec(temporal.payloadKeys);
  }

  async decode(namespace: string | undefined, payloads: Payload[]): Promise<{ payloads: WirePayload[] }> {
    this.checkNamespace(namespace);
    // One by one, so a payload that does not decrypt is named by its place.
    const decoded: Payload[] = [];
    for (const [index, payload] of payloads.entries()) {
      try {
        decoded.push(...(await this.codec.decode([payload])));
      } catch (error) {
        throw DomainError.validation([{ field: `payloads.${index}`, message: `payloads.${index} could not be decrypted: ${(error as Error).message}` }]);
      }
    }
    return payloadsToWire(decoded);
  }

  async encode(namespace: string | undefined, payloads: Payload[]): Promise<{ payloads: WirePayload[] }> {
    this.checkNamespace(namespace);
    return payloadsToWire(await this.codec.encode(payloads));
  }

  /** The UI says which namespace it shows; Relance's keys only fit its own. */
  private checkNamespace(namespace: string | undefined): void {
    if (namespace === undefined || namespace === this.temporal.namespace) return;
    throw DomainError.validation([{
      field: 'X-Namespace',
      message: `X-Namespace ${JSON.stringify(namespace)} is not Relance's namespace (${this.temporal.namespace}): its payloads are not ours to decode`,
    }]);
  }
}
