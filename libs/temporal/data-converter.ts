import type { DataConverter } from '@temporalio/common';
import type { AppConfig } from '@relance/config';
import { EncryptionCodec } from '@relance/crypto';

/** The module that exports the failure converter, for workflow bundles (bundleWorkflowCode). */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/**
 * The one data converter of API, worker and tools: JSON payloads, failures' messages and stack
 * traces moved into payloads, then everything encrypted.
 */
export function createDataConverter(config: { temporal: Pick<AppConfig['temporal'], 'payloadKeys'> }): DataConverter {
  return {
    failureConverterPath: FAILURE_CONVERTER_PATH,
    payloadCodecs: [new EncryptionCodec(config.temporal.payloadKeys)],
  };
}
