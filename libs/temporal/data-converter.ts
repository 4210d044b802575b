import type { DataConverter } from '@temporalio/common';
import type { AppConfig } from '../config';
import { EncryptionCodec } from '../crypto';

/** The one data converter of API, worker and tools: JSON payloads, then encrypted. */
export function createDataConverter(config: { temporal: Pick<AppConfig['temporal'], 'payloadKeys'> }): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(config.temporal.payloadKeys)] };
}
