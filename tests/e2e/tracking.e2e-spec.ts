import type { INestApplication } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '@relance/config';
import { TokenSigner } from '@relance/crypto/signed-token';
import { mailboxSyncWorkflowId } from '@relance/temporal';
import { imapUser, testEnv } from '../harness/env';
import type { CapturedMessage } from '../harness/smtp-capture';
import { ApiClient } from '../support/api-client';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

/** Where links in emails point; requests go to the stack's own port with the same path. */
const PUBLIC_URL = 'https://relance.example.test';
const PRICING = 'https://acme.test/pricing?plan=pro&seats=5';
const DOCS = 'https://docs.acme.test/start';
const BODY = `Hi {{ firstName }},\n\nour pricing: ${PRICING}.\nDocs at ${DOCS}\n\n<script>alert(1)</script>`;
const DAY = 86_400_000;

interface SentEmail {
  messageId: string;
  text: string;
  html: string | false;
}

/**
 * Open and click tracking through the real stack: an email with links goes out with an HTML
 * part (pixel, rewritten links) next to its untouched text part; fetching the pixel and the
 * links records anonymised events that campaign stats count once per email; forged tokens and
 * links an email does not have are refused; a campaign without tracking sends plain text.
 */
describe('open and click tracking', () => {
  let stack: RelanceStack;
  let api: ApiClient;
  let signer: TokenSigner;
  let mailboxId: string;
  const campaigns: Record<'tracked' | 'untracked' | 'ownDomain', string> = { tracked: '', untracked: '', ownDomain: '' };
  const emails = {} as Record<keyof typeof campaigns, SentEmail>;

  before(async () => {
    stack = await startRelanceStack({ env: { API_PUBLIC_URL: PUBLIC_URL } });
    api = stack.api;
    signer = new TokenSigner(stack.config.tokens.signingKeys);
    const rep = imapUser(3);
    const { imap } = testEnv();
    const mailbox = await api.post('/v1/mailboxes', {
      minSpacingSeconds: 0, // tests send back to back
      email: rep.user,
      smtp: { host: stack.smtp.host, port: stack.smtp.port, username: rep.user, password: 'smtp-secret' },
      imap: { host: imap.host, port: imap.port, username: rep.user, password: rep.password },
    });
    assert.equal(mailbox.status, 201, JSON.stringify(mailbox.body));
    mailboxId = mailbox.body.id;
  });

  after(async () => {
    if (mailboxId) await stack.temporal.client.workflow.getHandle(mailboxSyncWorkflowId(mailboxId)).terminate('test over').catch(() => undefined);
    await stack?.stop();
  });

  /** The link as sent, made to reach the stack under test. */
  const local = (link: string) => `${stack.apiUrl}${new URL(link).pathname}`;
  const events = (messageId: string, kind: string) =>
    stack.dataSource.query(
      `SELECT url, ip_anonymised, country, user_agent FROM tracking_events WHERE message_id = $1 AND kind = $2 ORDER BY created_at`,
      [messageId, kind],
    );
  const clickLinks = (html: string) => [...html.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => ({ href: m[1], text: m[2] }));
  const pixelOf = (html: string) => /<img src="([^"]+)"/.exec(html)?.[1] ?? '';

  async function launch(name: string, email: string, settings: object): Promise<{ campaignId: string; sent: SentEmail }> {
    const prospect = await api.post('/v1/prospects', { email, firstName: 'Ada' });
    assert.equal(prospect.status, 201, JSON.stringify(prospect.body));
    const campaign = await api.post('/v1/campaigns', {
      name, mailboxId, ...settings, steps: [{ type: 'email', subject: 'Links', body: BODY }],
    });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    const launched = await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { prospectIds: [prospect.body.id] });
    assert.equal(launched.status, 202, JSON.stringify(launched.body));
    const captured: CapturedMessage = await stack.smtp.waitFor((m) => m.envelope.to.includes(email), 20_000);
    const parsed = await simpleParser(captured.raw);
    const [row] = await stack.dataSource.query(`SELECT id FROM messages WHERE message_id_header = $1`, [captured.messageId]);
    return { campaignId: campaign.body.id, sent: { messageId: row.id, text: parsed.text ?? '', html: parsed.html || false } };
  }

  it('takes tracking settings on campaigns: on by default, a custom domain normalised, bad values refused', async () => {
    const base = { name: 'Settings', mailboxId, steps: [{ type: 'email', subject: 'Hi', body: 'Hello' }] };
    const plain = await api.post('/v1/campaigns', base);
    assert.equal(plain.status, 201, JSON.stringify(plain.body));
    assert.deepEqual([plain.body.trackingEnabled, plain.body.trackingDomain], [true, null]);
    const own = await api.post('/v1/campaigns', { ...base, trackingEnabled: false, trackingDomain: ' Track.ACME.test. ' });
    assert.deepEqual([own.body.trackingEnabled, own.body.trackingDomain], [false, 'track.acme.test']);
    assert.deepEqual((await api.get(`/v1/campaigns/${own.body.id}`)).body.trackingDomain, 'track.acme.test');
    for (const [field, value] of [
      ['trackingDomain', 'https://track.acme.test'], ['trackingDomain', 'track.acme.test:8443'], ['trackingDomain', 'track'],
      ['trackingDomain', '10.0.0.1'], ['trackingDomain', 42], ['trackingEnabled', 'yes'],
    ] as const) {
      const res = await api.post('/v1/campaigns', { ...base, [field]: value });
      assert.equal(res.status, 400, `${field}: ${JSON.stringify(value)}`);
      assert.equal(res.body.error.field, field);
    }
  });

  it('sends a tracked email: HTML with the pixel and rewritten links, the text part untouched', async () => {
    ({ campaignId: campaigns.tracked, sent: emails.tracked } = await launch('Tracked', 'ada@tracking.test', {}));
    const { text, html, messageId } = emails.tracked;
    assert.equal(text.trim(), `Hi Ada,\n\nour pricing: ${PRICING}.\nDocs at ${DOCS}\n\n<script>alert(1)</script>`);
    assert.ok(html, 'an HTML part');
    assert.ok(!html.includes('<script>'), 'the body is text, escaped');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.match(pixelOf(html), new RegExp(`^${PUBLIC_URL}/t/o/[A-Za-z0-9_.-]+\\.gif$`));
    const links = clickLinks(html);
    assert.deepEqual(links.map((l) => l.text), [PRICING.replace('&', '&amp;'), DOCS]);
    for (const link of links) assert.match(link.href, new RegExp(`^${PUBLIC_URL}/t/c/[A-Za-z0-9_.-]+$`));
    assert.ok(!html.includes('href="https://acme.test') && !html.includes('href="https://docs'), 'no direct link');

    const [row] = await stack.dataSource.query(
      `SELECT body_text, tracking_base_url, tracked_links FROM messages WHERE id = $1`, [messageId]);
    assert.deepEqual(row.tracked_links, [PRICING, DOCS]);
    assert.equal(row.tracking_base_url, PUBLIC_URL);
    assert.ok(!row.body_text.includes('/t/c/'), 'the outbox keeps the text as written');
  });

  it('answers the pixel with a 1×1 GIF that is never cached, and records an open with the IP anonymised', async () => {
    const { html, messageId } = emails.tracked as SentEmail & { html: string };
    const agent = `Mozilla/5.0 (tracking test) ${'x'.repeat(1000)}`;
    // TRUST_PROXY is off: a forwarded address is the client's say-so, ignored.
    const res = await fetch(local(pixelOf(html)), { headers: { 'user-agent': agent, 'x-forwarded-for': '81.2.69.160' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/gif');
    assert.match(res.headers.get('cache-control') ?? '', /no-store/);
    assert.match(res.headers.get('cache-control') ?? '', /no-cache/);
    assert.equal(res.headers.get('etag'), null);
    const gif = Buffer.from(await res.arrayBuffer());
    assert.equal(gif.subarray(0, 6).toString('latin1'), 'GIF89a');
    assert.deepEqual([gif.readUInt16LE(6), gif.readUInt16LE(8)], [1, 1], '1×1');

    const [open] = await events(messageId, 'open');
    assert.equal(open.ip_anonymised, '127.0.0.0', 'the socket address, last octet zeroed');
    assert.equal(open.country, null, 'loopback has no country');
    assert.equal(open.url, null);
    assert.equal(open.user_agent, agent.slice(0, 256));
    await fetch(local(pixelOf(html)));
    assert.equal((await events(messageId, 'open')).length, 2, 'every hit is kept');
  });

  it('answers a forged or malformed pixel with the GIF too, and records nothing', async () => {
    const { html, messageId } = emails.tracked as SentEmail & { html: string };
    const pixel = pixelOf(html);
    const forged = pixel.replace(/(.)\.gif$/, (_, c: string) => `${c === 'A' ? 'B' : 'A'}.gif`);
    const clickToken = await signer.sign('click', `${messageId}:0`, DAY);
    for (const url of [forged, `${PUBLIC_URL}/t/o/nonsense.gif`, `${PUBLIC_URL}/t/o/${clickToken}.gif`, pixel.replace(/\.gif$/, '')]) {
      const res = await fetch(local(url));
      assert.equal(res.status, 200, url);
      assert.equal(res.headers.get('content-type'), 'image/gif');
    }
    assert.equal((await events(messageId, 'open')).length, 2);
  });

  it('redirects a tracked link to the original URL with a 302 and records the click', async () => {
    const { html, messageId } = emails.tracked as SentEmail & { html: string };
    const [pricing, docs] = clickLinks(html);
    const res = await fetch(local(pricing.href), { redirect: 'manual' });
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), PRICING);
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    const second = await fetch(local(docs.href), { redirect: 'manual' });
    assert.equal(second.headers.get('location'), DOCS);
    await fetch(local(pricing.href), { redirect: 'manual' });
    // A link checker's HEAD gets the same answer and counts for nothing; so does the pixel's.
    const head = await fetch(local(docs.href), { method: 'HEAD', redirect: 'manual' });
    assert.deepEqual([head.status, head.headers.get('location')], [302, DOCS]);
    assert.equal((await fetch(local(pixelOf(html)), { method: 'HEAD' })).headers.get('content-type'), 'image/gif');
    assert.equal((await events(messageId, 'open')).length, 2);
    const clicks = await events(messageId, 'click');
    assert.deepEqual(clicks.map((c: { url: string }) => c.url), [PRICING, DOCS, PRICING]);
    assert.equal(clicks[0].ip_anonymised, '127.0.0.0');
  });

  it('refuses a forged, expired or misused click token, or a link the email does not have, with 400 and no redirect', async () => {
    const { html, messageId } = emails.tracked as SentEmail & { html: string };
    const [pricing] = clickLinks(html);
    const flipped = pricing.href.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const past = new TokenSigner(stack.config.tokens.signingKeys, () => Date.now() - 2 * DAY);
    const cases: [string, string, string][] = [
      ['an altered signature', flipped, 'token_invalid'],
      ['garbage', `${PUBLIC_URL}/t/c/nonsense`, 'token_invalid'],
      ['an open token', `${PUBLIC_URL}/t/c/${await signer.sign('open', messageId, DAY)}`, 'token_invalid'],
      ['an unsubscribe token', `${PUBLIC_URL}/t/c/${await signer.sign('unsubscribe', messageId, DAY)}`, 'token_invalid'],
      ['an expired token', `${PUBLIC_URL}/t/c/${await past.sign('click', `${messageId}:0`, DAY)}`, 'token_expired'],
      ['an index past the email\'s links', `${PUBLIC_URL}/t/c/${await signer.sign('click', `${messageId}:2`, DAY)}`, 'no_such_link'],
    ];
    for (const [label, url, code] of cases) {
      const json = await fetch(local(url), { redirect: 'manual', headers: { accept: 'application/json' } });
      assert.equal(json.status, 400, label);
      assert.equal(json.headers.get('location'), null, label);
      assert.equal(((await json.json()) as { error: { code: string } }).error.code, code, label);
      const page = await fetch(local(url), { redirect: 'manual', headers: { accept: 'text/html' } });
      assert.equal(page.status, 400, label);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
      assert.match(await page.text(), /<h1>This link (is not valid|has expired)<\/h1>/, label);
    }
    assert.equal((await events(messageId, 'click')).length, 3, 'nothing recorded');
  });

  it('sends plain text only when tracking is off: no HTML part, no pixel, links as written', async () => {
    ({ campaignId: campaigns.untracked, sent: emails.untracked } = await launch('Untracked', 'bob@tracking.test', {
      trackingEnabled: false,
    }));
    const { text, html, messageId } = emails.untracked;
    assert.equal(html, false, 'no HTML part');
    assert.ok(text.includes(PRICING) && text.includes(DOCS));
    const [row] = await stack.dataSource.query(`SELECT tracking_base_url, tracked_links FROM messages WHERE id = $1`, [messageId]);
    assert.deepEqual([row.tracking_base_url, row.tracked_links], [null, []]);
    // Even a well-signed token cannot make an untracked email redirect anywhere.
    const res = await fetch(local(`${PUBLIC_URL}/t/c/${await signer.sign('click', `${messageId}:0`, DAY)}`), { redirect: 'manual' });
    assert.equal(res.status, 400);
  });

  it("uses the campaign's tracking domain for the pixel and links", async () => {
    ({ campaignId: campaigns.ownDomain, sent: emails.ownDomain } = await launch('Own domain', 'cy@tracking.test', {
      trackingDomain: 'track.acme.test',
    }));
    const html = emails.ownDomain.html as string;
    assert.match(pixelOf(html), /^https:\/\/track\.acme\.test\/t\/o\//);
    for (const link of clickLinks(html)) assert.match(link.href, /^https:\/\/track\.acme\.test\/t\/c\//);
    const res = await fetch(local(clickLinks(html)[1].href), { redirect: 'manual' });
    assert.equal(res.headers.get('location'), DOCS);
  });

  it('counts unique opens and clicks in the campaign stats', async () => {
    const res = await api.get(`/v1/campaigns/${campaigns.tracked}/stats`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const [step] = res.body.steps;
    assert.deepEqual([step.sent, step.opened, step.clicked], [1, 1, 1]);
    assert.deepEqual([res.body.totals.sent, res.body.totals.opened, res.body.totals.clicked], [1, 1, 1]);
    const untracked = (await api.get(`/v1/campaigns/${campaigns.untracked}/stats`)).body.steps[0];
    assert.deepEqual([untracked.sent, untracked.opened, untracked.clicked], [1, 0, 0]);
  });

  describe('behind a trusted proxy (TRUST_PROXY=loopback)', () => {
    let proxied: INestApplication;
    let proxiedUrl: string;

    before(async () => {
      proxied = await createApiApp(loadConfig({ ...process.env, API_PUBLIC_URL: PUBLIC_URL, TRUST_PROXY: 'loopback' }));
      await proxied.listen(0, '127.0.0.1');
      proxiedUrl = (await proxied.getUrl()).replace('[::1]', '127.0.0.1');
    });

    after(async () => {
      await proxied?.close();
    });

    it('takes the client address from X-Forwarded-For, stores its network and its country, never the address', async () => {
      const { messageId } = emails.ownDomain;
      const pixel = `${proxiedUrl}/t/o/${await signer.sign('open', messageId, DAY)}.gif`;
      for (const client of ['81.2.69.160', '2a01:e0a:1:2::1', '::ffff:81.2.69.161']) {
        assert.equal((await fetch(pixel, { headers: { 'x-forwarded-for': `${client}, 127.0.0.1` } })).status, 200);
      }
      const opens = await events(messageId, 'open');
      assert.deepEqual(
        opens.map((o: { ip_anonymised: string; country: string }) => [o.ip_anonymised, o.country]),
        [['81.2.69.0', 'GB'], ['2a01:e0a:1::', 'FR'], ['81.2.69.0', 'GB']],
      );
      const [{ n }] = await stack.dataSource.query(
        `SELECT count(*)::int AS n FROM tracking_events WHERE ip_anonymised IN ('81.2.69.160', '81.2.69.161') OR ip_anonymised LIKE '2a01:e0a:1:2%'`,
      );
      assert.equal(n, 0);
    });
  });
});
