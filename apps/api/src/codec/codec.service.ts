import { Inject, Injectable } from '@nestjs/common';
import type { Payload } from '@temporalio/common';
import { APP_CONFIG, AppConfig } from '@relance/config';
import type { Logger } from '@relance/observability';
import { PayloadDecoder, type WirePayload } from '@relance/temporal/remote-codec';
import { API_LOGGER } from '../common/logger.module';

/** Relance's payload codec behind the API's remote codec endpoint (staff tokens: the CLI). */
@Injectable()
export class CodecService {
  private readonly decoder: PayloadDecoder;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(API_LOGGER) private readonly logger: Logger,
  ) {
    this.decoder = new PayloadDecoder(config.temporal);
  }

  async decode(namespace: string | undefined, payloads: Payload[]): Promise<{ payloads: WirePayload[] }> {
    const decoded = await this.decoder.decode(namespace, payloads);
    this.logger.debug({ payloads: payloads.length }, 'codec: payloads decoded');
    return decoded;
  }

  encode(namespace: string | undefined, payloads: Payload[]): Promise<{ payloads: WirePayload[] }> {
    return this.decoder.encode(namespace, payloads);
  }
}
