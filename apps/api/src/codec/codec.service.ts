import { Inject, Injectable } from '@nestjs/common';
import type { Payload } from '@temporalio/common';
import { APP_CONFIG, AppConfig } from '@relance/config';
import { EncryptionCodec } from '@relance/crypto/payload-codec';
import { DomainError } from '@relance/errors';
import { API_LOGGER } from '../common/logger.module';
import type { Logger } from '@relance/observability';
import { payloadsToWire, type WirePayload } from './codec-wire';

/** The payload codec of Relance's data converter, behind the remote codec endpoint. */
@Injectable()
export class CodecService {
  private readonly codec: EncryptionCodec;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(API_LOGGER) private readonly logger: Logger,
  ) {
    this.codec = new EncryptionCodec(config.temporal.payloadKeys);
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
    this.logger.debug({ payloads: payloads.length }, 'codec: payloads decoded');
    return payloadsToWire(decoded);
  }

  async encode(namespace: string | undefined, payloads: Payload[]): Promise<{ payloads: WirePayload[] }> {
    this.checkNamespace(namespace);
    return payloadsToWire(await this.codec.encode(payloads));
  }

  /** The UI says which namespace it shows; Relance's keys only fit its own. */
  private checkNamespace(namespace: string | undefined): void {
    if (namespace === undefined || namespace === this.config.temporal.namespace) return;
    throw DomainError.validation([{
      field: 'X-Namespace',
      message: `X-Namespace ${JSON.stringify(namespace)} is not Relance's namespace (${this.config.temporal.namespace}): its payloads are not ours to decode`,
    }]);
  }
}
