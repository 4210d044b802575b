import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { TokenSigner } from '@relance/crypto/signed-token';
import { renderTrackedHtml, trackedHtmlFor } from './tracked-html';
import { parseClickSubject } from './tracking-links';

const urls = { pixel: 'https://t.test/t/o/OPEN.gif', click: (i: number) => `https://t.test/t/c/CLICK${i}` };

describe('renderTrackedHtml', () => {
  it('escapes the text: markup in a body stays text', () => {
    const html = renderTrackedHtml('Hi <script>alert("x")</script> & <b>bye</b> \'q\'', [], urls);
    assert.ok(!html.includes('<script>'), html);
    assert.ok(!html.includes('<b>'), html);
    assert.ok(html.includes('Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bye&lt;/b&gt; &#39;q&#39;'), html);
  });

  it('makes paragraphs of blank-line separated blocks and <br> of line breaks', () => {
    const html = renderTrackedHtml('Hi Ada,\r\nhow are you?\n\n\nBest,\nSam\n', [], urls);
    const paragraphs = [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1]);
    assert.deepEqual(paragraphs, ['Hi Ada,<br>\nhow are you?', 'Best,<br>\nSam']);
  });

  it('links every URL to its tracked URL by index, showing the URL as written', () => {
    const text = 'Pricing: https://acme.test/pricing?a=1&b=2.\nDocs: https://acme.test/docs and https://acme.test/pricing?a=1&b=2';
    const html = renderTrackedHtml(text, ['https://acme.test/pricing?a=1&b=2', 'https://acme.test/docs'], urls);
    const anchors = [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(anchors, [
      ['https://t.test/t/c/CLICK0', 'https://acme.test/pricing?a=1&amp;b=2'],
      ['https://t.test/t/c/CLICK1', 'https://acme.test/docs'],
      ['https://t.test/t/c/CLICK0', 'https://acme.test/pricing?a=1&amp;b=2'],
    ]);
    assert.ok(!html.includes('href="https://acme.test'), 'no link points at its destination directly');
  });

  it('points a link that is not tracked (past the limit) at itself', () => {
    const html = renderTrackedHtml('https://acme.test/a https://acme.test/b', ['https://acme.test/a'], urls);
    assert.match(html, /<a href="https:\/\/t.test\/t\/c\/CLICK0">https:\/\/acme.test\/a<\/a>/);
    assert.match(html, /<a href="https:\/\/acme.test\/b">https:\/\/acme.test\/b<\/a>/);
  });

  it('ends with the 1×1 open pixel', () => {
    const html = renderTrackedHtml('Hello', [], urls);
    assert.match(html, /<img src="https:\/\/t.test\/t\/o\/OPEN.gif" width="1" height="1" alt=""[^>]*>\n<\/body><\/html>/);
  });

  it('escapes attribute values', () => {
    const html = renderTrackedHtml('Hello', [], { ...urls, pixel: '"><img src=x onerror=alert(1)>' });
    assert.ok(html.includes('<img src="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" width="1"'), html);
  });
});

describe('trackedHtmlFor', () => {
  const ring = { currentId: 'k1', keys: new Map([['k1', randomBytes(32)]]) };
  const signer = new TokenSigner(ring);
  const config = { tokens: { signingKeys: ring, unsubscribeTtlMs: 60_000, trackingTtlMs: 86_400_000 } };
  const message = {
    id: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b',
    bodyText: 'See https://acme.test/a',
    trackingBaseUrl: 'https://track.acme.test',
    trackedLinks: ['https://acme.test/a'],
  };

  it('signs an open token for the message and a click token for each link index', async () => {
    const html = (await trackedHtmlFor(message, signer, config))!;
    const open = /src="https:\/\/track\.acme\.test\/t\/o\/([^"]+)\.gif"/.exec(html)![1];
    assert.equal((await signer.verify(open, 'open')).subject, message.id);
    const click = /href="https:\/\/track\.acme\.test\/t\/c\/([^"]+)"/.exec(html)![1];
    assert.deepEqual(parseClickSubject((await signer.verify(click, 'click')).subject), { messageId: message.id, index: 0 });
    await assert.rejects(() => signer.verify(click, 'open'), /not valid for open/);
  });

  it('gives no HTML for a message that is not tracked', async () => {
    assert.equal(await trackedHtmlFor({ ...message, trackingBaseUrl: null }, signer, config), undefined);
  });
});
