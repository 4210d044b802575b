import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failure messages and stack traces travel in a payload (`encodedAttributes`) instead of in
 * clear, so the payload codec encrypts them like any input or result: an SMTP reply or a
 * database error quoting a prospect must not sit readable in a workflow history. A client with
 * the same data converter reads the messages back; others see "Encoded failure".
 *
 * Loaded by path (the SDK's `failureConverterPath`): the workflow bundle carries its own copy,
 * so this file imports nothing but the SDK.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
