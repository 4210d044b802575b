import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderBanner, WALKTHROUGH_STEPS, type BannerFacts } from './banner';

const facts: BannerFacts = {
  apiUrl: 'http://127.0.0.1:3000',
  workerUrl: 'http://127.0.0.1:3001',
  temporalUiUrl: 'http://127.0.0.1:8233',
  apiKey: 'rl_live_demo',
  console: { url: 'http://127.0.0.1:3100/admin', email: 'admin@demo.relance.test', password: 'demo-admin-password' },
  inboxUrl: 'http://127.0.0.1:4100',
  prospects: [
    { id: '11111111-1111-4111-8111-111111111111', email: 'ada@prospect.example' },
    { id: '22222222-2222-4222-8222-222222222222', email: 'grace@prospect.example' },
  ],
  mailbox: { ready: true, id: '33333333-3333-4333-8333-333333333333', email: 'rep@demo.relance.test' },
};

/** The body of the `curl … <url> -d '<json>'` line of the walkthrough that posts to `url`. */
function bodyPostedTo(banner: string, url: string): unknown {
  const line = banner.split('\n').find((l) => l.includes(`${url} -d '`));
  assert.ok(line, `no line posts to ${url}:\n${banner}`);
  return JSON.parse(/-d '([^']*)'/.exec(line)![1]);
}

describe('renderBanner', () => {
  it('says where to click and gives the demo key, mailbox and prospects', () => {
    const banner = renderBanner(facts);
    for (const expected of [
      'http://127.0.0.1:3000/v1', 'http://127.0.0.1:3000/docs', 'http://127.0.0.1:8233', 'http://127.0.0.1:3000/metrics',
      'http://127.0.0.1:3001/metrics', 'http://127.0.0.1:3001/health', 'http://127.0.0.1:3100/codec', 'Demo inbox   http://127.0.0.1:4100',
      'Demo API key rl_live_demo',
      'Console      http://127.0.0.1:3100/admin   (staff: admin@demo.relance.test / demo-admin-password)', 'Demo mailbox 33333333-3333-4333-8333-333333333333   (rep@demo.relance.test)',
      'ada@prospect.example 11111111-1111-4111-8111-111111111111', 'Ctrl-C stops everything.',
    ]) {
      assert.ok(banner.includes(expected), `${expected} missing from:\n${banner}`);
    }
  });

  it('prints a walkthrough whose request bodies are the campaign on the demo mailbox and a launch of the prospects', () => {
    const banner = renderBanner(facts);
    assert.deepEqual(bodyPostedTo(banner, '$API/campaigns'), {
      name: 'First campaign', mailboxId: facts.mailbox.ready && facts.mailbox.id, steps: WALKTHROUGH_STEPS,
    });
    assert.deepEqual(bodyPostedTo(banner, '$API/campaigns/$CAMPAIGN/launch'), { prospectIds: facts.prospects.map((p) => p.id) });
    assert.match(banner, /curl -s -X POST \$INBOX\/api\/messages\/latest\/reply -d text=/);
    assert.match(banner, /KEY=rl_live_demo; API=http:\/\/127\.0\.0\.1:3000\/v1; INBOX=http:\/\/127\.0\.0\.1:4100/);
  });

  it('without a demo mailbox: says why and how to fix it, and prints no walkthrough', () => {
    const banner = renderBanner({
      ...facts,
      mailbox: { ready: false, reason: 'Dovecot is not installed', fix: ['Install it:', '  sudo apt-get install -y dovecot-imapd'] },
    });
    assert.match(banner, /Demo mailbox none: Dovecot is not installed/);
    assert.match(banner, /^ {2}Install it:\n {4}sudo apt-get install -y dovecot-imapd$/m);
    assert.doesNotMatch(banner, /\$API\/campaigns/);
  });
});
