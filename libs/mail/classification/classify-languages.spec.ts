import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseInboundMail } from '../inbound-mail';
import { classifyInbound, type InboundClassification } from './classify';

const crlf = (...lines: string[]) => lines.join('\r\n');

function autoReply(result: InboundClassification) {
  assert.equal(result.kind, 'auto_reply');
  return result as Extract<InboundClassification, { kind: 'auto_reply' }>;
}

function outOfOffice(from: string, subject: string, body: string, headers: string[] = []): string {
  return crlf(
    `From: ${from}`,
    'To: paul@seller.example',
    `Subject: =?UTF-8?B?${Buffer.from(subject, 'utf8').toString('base64')}?=`,
    'Date: Wed, 02 Dec 2026 11:00:00 +0100',
    'Message-ID: <ooo-1@prospect.example>',
    'In-Reply-To: <relance.out-42@seller.example>',
    ...headers,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
    '',
    '> Hi, would you have 20 minutes on 10 December?',
    '',
  );
}

describe('classifyInbound — out-of-office replies in other languages', () => {
  it('reads a German Abwesenheitsnotiz and its return, 09:00 in Berlin', async () => {
    const raw = outOfOffice('Jana Prospekt <jana@prospect.example>', 'Abwesenheitsnotiz: Kurze Frage', 'Vielen Dank für Ihre Nachricht. Ich bin bis zum 04.01.2027 nicht im Büro.', ['Auto-Submitted: auto-replied']);
    const result = autoReply(classifyInbound(await parseInboundMail(1, raw), { timeZone: 'Europe/Berlin' }));
    assert.deepEqual([result.reason, result.returnDate?.toISOString()], ['auto_submitted', '2027-01-05T08:00:00.000Z']);
  });

  it('recognises a Spanish one by its subject alone and ignores the date in the quote', async () => {
    const raw = outOfOffice('Juana <juana@prospect.example>', 'Fuera de la oficina: Pregunta rápida', 'Estaré de vuelta el lunes 4 de enero.');
    const result = autoReply(classifyInbound(await parseInboundMail(1, raw), { timeZone: 'Europe/Madrid' }));
    assert.deepEqual([result.reason, result.returnDate?.toISOString()], ['subject', '2027-01-04T08:00:00.000Z']);
  });

  it('recognises an Italian and a Dutch one by their subjects', async () => {
    const italian = outOfOffice('Giovanna <g@prospect.example>', 'Fuori ufficio', 'Sono fuori ufficio fino al 4 gennaio.');
    const dutch = outOfOffice('Johanna <j@prospect.example>', 'Afwezig: Korte vraag', 'Vanaf 5 januari ben ik weer aanwezig.');
    const it = autoReply(classifyInbound(await parseInboundMail(1, italian), { timeZone: 'Europe/Rome' }));
    const nl = autoReply(classifyInbound(await parseInboundMail(2, dutch), { timeZone: 'Europe/Amsterdam' }));
    assert.deepEqual([it.reason, it.returnDate?.toISOString()], ['subject', '2027-01-05T08:00:00.000Z']);
    assert.deepEqual([nl.reason, nl.returnDate?.toISOString()], ['subject', '2027-01-05T08:00:00.000Z']);
  });

  it('keeps a German reply whose own subject says nothing of an absence a reply', async () => {
    const raw = outOfOffice('Jana Prospekt <jana@prospect.example>', 'AW: Kurze Frage', 'Gerne, ab dem 5. Januar bin ich wieder da, rufen Sie mich an.');
    assert.deepEqual(classifyInbound(await parseInboundMail(1, raw)), { kind: 'reply' });
  });
});
