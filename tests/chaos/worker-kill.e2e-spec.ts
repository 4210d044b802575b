import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { imapUser, testEnv } from '../harness/env';
import { ChaosCampaign, deliveryViolations, describeRun, killWorker } from './index';

const PROSPECTS = 30;
const KILLS = 5;

/**
 * Guarantee 3 against crashes: the worker process is SIGKILLed five times at random moments
 * of a 3-step campaign (mid-send included) and started again. Every prospect still gets
 * every step exactly once and every enrollment completes.
 */
describe('chaos: the worker process is killed mid-campaign', () => {
  let campaign: ChaosCampaign | undefined;
  after(() => campaign?.close());

  it(`${PROSPECTS} prospects × 3 emails survive ${KILLS} SIGKILLs of the worker`, async () => {
    campaign = await ChaosCampaign.prepare({
      prospects: PROSPECTS,
      env: process.env,
      imap: testEnv().imap,
      mailUser: imapUser(1),
      disruptions: [killWorker({ times: KILLS })],
      // Each kill that interrupts a send costs its enrollment ~15 s (heartbeat timeout, retry,
      // in-flight window) and each restart seconds: generous, for a loaded 2-core machine.
      timeoutMs: 180_000,
      log: (line) => process.stderr.write(`[chaos] ${line}\n`),
    });
    const result = await campaign.run();
    process.stderr.write(`[chaos] ${describeRun(result)}\n`);
    assert.equal(result.workerStarts, 1 + KILLS, 'the worker was killed and restarted as often as planned');
    assert.deepEqual(deliveryViolations(result), [], describeRun(result));
  });
});
