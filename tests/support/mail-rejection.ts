import assert from 'node:assert/strict';
import { MailError } from '@relance/mail';

/** The MailError `promise` fails with; fails the test when it resolves or fails otherwise. */
export async function mailRejection(promise: Promise<unknown>): Promise<MailError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof MailError, `expected a MailError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}
