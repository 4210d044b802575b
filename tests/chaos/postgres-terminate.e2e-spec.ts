import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { imapUser, testEnv } from '../harness/env';
import { ChaosCampaign, deliveryViolations, describeRun, terminateDatabaseConnections } from './index';

const PROSPECTS = 30;
const TERMINATIONS = 4;

/**
 * Guarantee 3 against database trouble: every PostgreSQL connection of Relance (API and
 * worker) is terminated four times mid-campaign. Activities fail and are retried; nothing
 * is lost, nothing is sent twice.
 */
describe('chaos: PostgreSQL connections are terminated mid-campaign', () => {
  let campaign: ChaosCampaign | undefined;
  after(() => campaign?.close());

  it(`${PROSPECTS} prospects × 3 emails survive ${TERMINATIONS} rounds of pg_terminate_backend`, async () => {
    campaign = await ChaosCampaign.prepare({
      prospects: PROSPECTS,
      env: process.env,
      imap: testEnv().imap,
      mailUser: imapUser(2),
      disruptions: [terminateDatabaseConnections({ times: TERMINATIONS, maxDelayMs: 100 })],
      timeoutMs: 120_000,
      log: (line) => process.stderr.write(`[chaos] ${line}\n`),
    });
    const result = await campaign.run();
    process.stderr.write(`[chaos] ${describeRun(result)}\n`);
    const rounds = result.timeline.filter((line) => /terminated [1-9]\d* PostgreSQL connections/.test(line));
    assert.equal(rounds.length, TERMINATIONS, `every round cut live connections:\n${result.timeline.join('\n')}`);
    assert.equal(result.workerStarts, 1, 'the worker process survived');
    assert.deepEqual(deliveryViolations(result), [], describeRun(result));
  });
});
