import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SmtpRejection } from '../harness/smtp-capture';
import { imapUser, testEnv } from '../harness/env';
import {
  ChaosCampaign, deliveryViolations, describeRun, refuseTransiently, type ChaosCampaignResult, type SmtpAnswer,
} from './index';

const PROSPECTS = 30;
/**
 * Three in ten attempts refused: about 26 of the ~88 drawn, so the ten the first test needs to
 * mean anything are four standard deviations away (at one in five, a seed gave 7 of 91).
 */
const TRANSIENT_RATE = 0.3;
const GREYLISTED: SmtpRejection = { code: 451, message: '4.7.1 Greylisted, try again later' };
const NO_SUCH_USER: SmtpRejection = { code: 550, message: '5.1.1 Mailbox does not exist' };

/**
 * An SMTP server that answers 451 to three attempts in ten (a seeded generator decides
 * which; at most two in a row for one recipient, as greylisting does) and 550 to every
 * message for three recipients. Temporary refusals are retried
 * until delivered, exactly once; a permanent one fails its message with the server's
 * reason after a single attempt, fails that enrollment, and touches nobody else.
 */
describe('chaos: an SMTP server that refuses, temporarily and for good', () => {
  let campaign: ChaosCampaign | undefined;
  let result: ChaosCampaignResult;
  let refused: Map<string, SmtpRejection>;

  before(async () => {
    const transient = refuseTransiently(TRANSIENT_RATE, { rejection: GREYLISTED, maxInARow: 2 });
    refused = new Map();
    const smtpAnswer: SmtpAnswer = (attempt, random) => refused.get(attempt.recipient) ?? transient(attempt, random);
    campaign = await ChaosCampaign.prepare({
      prospects: PROSPECTS,
      env: process.env,
      imap: testEnv().imap,
      mailUser: imapUser(4),
      smtpAnswer,
      // A 451 costs its send the workflow's retry backoff: 5 s, then 10 s for a second in a row.
      timeoutMs: 120_000,
      log: (line) => process.stderr.write(`[chaos] ${line}\n`),
    });
    refused = new Map([3, 13, 23].map((i) => [campaign!.prospectEmails[i], NO_SUCH_USER]));
    result = await campaign.run();
    process.stderr.write(`[chaos] ${describeRun(result)}\n`);
  });

  after(() => campaign?.close());

  it('retries every 451 and delivers each step exactly once', () => {
    const temporary = result.attempts.filter((a) => a.answer === GREYLISTED.code).length;
    assert.ok(temporary >= 10, `the server refused temporarily ${temporary} times of ${result.attempts.length}`);
    const others = deliveryViolations(result, { refused }).filter((line) => ![...refused.keys()].some((email) => line.includes(email)));
    assert.deepEqual(others, [], describeRun(result));
  });

  it('fails a 550 once, with the server reason, and the enrollment with it', () => {
    const mine = deliveryViolations(result, { refused }).filter((line) => [...refused.keys()].some((email) => line.includes(email)));
    assert.deepEqual(mine, [], describeRun(result));
  });
});
