import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseInboundMail } from '../inbound-mail';
import { classifyInbound, type InboundClassification } from './classify';
import { OUTBOUND_ID } from './fixture-parts';
import * as fixtures from './provider.fixtures';

async function classify(raw: string): Promise<InboundClassification> {
  return classifyInbound(await parseInboundMail(1, raw));
}

describe('classifyInbound — the address is gone', () => {
  const leftCompany = { kind: 'auto_reply', returnDate: null, reason: 'left_company' };

  it('calls an English "no longer with" notice without any auto header a left_company auto-reply', async () => {
    assert.deepEqual(await classify(fixtures.LEFT_COMPANY_NOTICE_EN), leftCompany);
  });

  it('reads the French "cette adresse n’est plus utilisée"', async () => {
    assert.deepEqual(await classify(fixtures.LEFT_COMPANY_NOTICE_FR), leftCompany);
  });

  it('names the departure even when headers already say auto-reply, with no return date', async () => {
    assert.deepEqual(await classify(fixtures.LEFT_COMPANY_OUTLOOK_AUTO), leftCompany);
  });

  it('reads a colleague who answers that the leaver left and took over, quoting us, as a referral', async () => {
    const colleague = { address: 'bob@prospect.example', name: 'Bob Stone' };
    assert.deepEqual(await classify(fixtures.COLLEAGUE_REPLY_FOR_LEAVER), { kind: 'referral', colleague });
  });

  it('keeps an out-of-office that is "no longer at the office today" an absence', async () => {
    const raw = fixtures.LEFT_COMPANY_OUTLOOK_AUTO.replace(
      /I have left[^]*new role\./,
      'I am no longer at the office today and back on 3 December.',
    );
    const result = await classify(raw);
    assert.equal(result.kind === 'auto_reply' && result.reason, 'auto_submitted');
  });
});

describe('classifyInbound — lists and providers', () => {
  it('keeps a reply through a Microsoft 365 group a reply despite X-Auto-Response-Suppress', async () => {
    assert.deepEqual(await classify(fixtures.M365_GROUP_REPLY), { kind: 'reply' });
  });

  it("takes the bounced message from Gmail's X-Original-Message-ID when nothing is attached", async () => {
    const result = await classify(fixtures.GMAIL_DSN_ORIGINAL_BY_FIELD);
    assert.equal(result.kind, 'bounce');
    if (result.kind !== 'bounce') return;
    assert.equal(result.bounce.originalMessageId, OUTBOUND_ID);
    assert.equal(result.bounce.severity, 'hard');
  });

  it('reads an Exchange Online NDR: Microsoft sender, 5.1.10, original attached', async () => {
    const result = await classify(fixtures.EXCHANGE_ONLINE_NDR);
    assert.equal(result.kind, 'bounce');
    if (result.kind !== 'bounce') return;
    assert.deepEqual(
      [result.bounce.source, result.bounce.severity, result.bounce.originalMessageId],
      ['dsn', 'hard', OUTBOUND_ID],
    );
    assert.deepEqual(
      result.bounce.recipients.map((entry) => [entry.finalRecipient, entry.status]),
      [['jane@prospect.example', '5.1.10']],
    );
  });
});
