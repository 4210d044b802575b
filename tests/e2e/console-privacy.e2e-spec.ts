import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startSmtpCapture, type CapturedMessage, type SmtpCapture } from '../harness/smtp-capture';
import { ApiClient } from '../support/api-client';
import { artifactPath, launchChromium } from '../support/browser';
import { startConsole, type RunningConsole } from '../support/console-process';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';
import { signedInToConsole } from '../support/console-browser';
import { newStaffMember } from '../support/staff-fixtures';

/** Long windows: nothing expires or escalates while the browser works. */
const ENV = { PRIVACY_UNVERIFIED_EXPIRY: '10m', PRIVACY_REQUEST_DEADLINE: '10m', PRIVACY_REMINDERS: '5m' };

/**
 * The privacy-request screen in a real browser, against the whole stack: requests filed through
 * the public API, carried out by the worker's workflows, handled in the console by clicking.
 */
describe('console: handling privacy requests in a browser', () => {
  let systemMail: SmtpCapture;
  let stack: RelanceStack;
  let consoleApp: RunningConsole;
  let browser: Browser;
  let publicApi: ApiClient;

  before(async () => {
    systemMail = await startSmtpCapture();
    const env = { ...ENV, SYSTEM_MAIL_SMTP_URL: `smtp://${systemMail.host}:${systemMail.port}` };
    stack = await startRelanceStack({ env });
    consoleApp = await startConsole(env);
    browser = await launchChromium();
    publicApi = new ApiClient(stack.apiUrl);
  });

  after(async () => {
    await browser?.close();
    if (consoleApp) writeFileSync(artifactPath('console-privacy.log'), consoleApp.output());
    await consoleApp?.stop();
    await stack?.stop();
    await systemMail?.stop();
  });

  const signedIn = async (role: 'support' | 'operator'): Promise<Page> =>
    (await signedInToConsole(browser, consoleApp.url, stack.dataSource, role, { height: 1100, timeoutMs: 15_000 })).page;

  const mailTo = (address: string, subject: RegExp) =>
    systemMail.waitFor((m: CapturedMessage) => m.to.includes(address) && subject.test(m.subject ?? ''), 20_000);
  const fileRequest = async (email: string, type: string) => {
    const filed = await publicApi.post('/v1/privacy-requests', { email, type });
    assert.equal(filed.status, 202, JSON.stringify(filed.body));
    await mailTo(email, /Confirm/);
    return filed.body.requestId as string;
  };
  const liveState = (page: Page, text: RegExp) => page.locator('[data-testid="live-state"]', { hasText: text }).waitFor();
  const send = async (page: Page, form: string, reason: string) => {
    await page.fill(`[data-testid="form-${form}"] input[name="reason"]`, reason);
    await page.click(`[data-testid="form-${form}"] button[type="submit"]`);
  };

  it('an erasure from arrival to certificate by clicking: opened from the home, verified with a reason, completed, certificate downloaded', async () => {
    const email = 'clicked.away@privacy.test';
    const prospect = await stack.api.post('/v1/prospects', { email, firstName: 'Clara', lastName: 'Click' });
    assert.equal(prospect.status, 201);
    const id = await fileRequest(email, 'erasure');
    const page = await signedIn('support');

    await page.click(`[data-request-id="${id}"] a`);
    await page.locator('[data-testid="privacy-request-screen"]').waitFor();
    await liveState(page, /Waiting for identity verification until/);

    await send(page, 'verify', '   ');
    await page.locator('[data-testid="form-problem"]', { hasText: 'A reason is required: say how you verified who asked' }).waitFor();
    assert.equal((await stack.dataSource.query(`SELECT status FROM privacy_requests WHERE id = $1`, [id]))[0].status, 'awaiting_verification');

    await send(page, 'verify', 'Replied from the address on file, with the reference');
    await liveState(page, /Finished: completed/);
    await page.locator('[data-testid="request-status"]', { hasText: 'completed' }).waitFor();
    await page.locator('[data-testid="request-events"]', { hasText: 'verified' }).waitFor();
    // The verify action's notice was about the open request: the completed one shows none.
    assert.equal(await page.locator('[data-testid="notice"]').count(), 0, 'no stale notice once completed');
    await page.screenshot({ path: artifactPath('console-privacy-request.png'), fullPage: true });
    assert.equal((await stack.api.get(`/v1/prospects/${prospect.body.id}`)).status, 404, 'the prospect is erased');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-certificate"]')]);
    assert.equal(download.suggestedFilename(), `privacy-request-${id}.jws`);
    const certificate = readFileSync(await download.path(), 'utf8');
    const check = await publicApi.post('/v1/privacy-requests/certificates/verify', { certificate });
    assert.equal(check.body.valid, true);
    assert.equal(check.body.body.counts.prospects, 1);

    const audit = await stack.dataSource.query(`SELECT action, reason FROM audit_events WHERE target_id = $1 ORDER BY occurred_at`, [id]);
    const actions = audit.map((row: { action: string }) => row.action);
    assert.ok(actions.includes('privacy_request.viewed'), 'opening the request is audited');
    assert.ok(actions.includes('privacy_request.certificate_downloaded'));
    const verified = audit.find((row: { action: string }) => row.action === 'privacy_request.verified');
    assert.equal(verified.reason, 'Replied from the address on file, with the reference');
  });

  it('support rejects a request with a reason (mailed); the form says what is missing; a second reject is refused with why', async () => {
    const email = 'turned.down@privacy.test';
    const id = await fileRequest(email, 'access');
    const page = await signedIn('support');
    await page.goto(`${consoleApp.url}/admin/resources/privacy_requests/records/${id}/show`);

    await send(page, 'reject', '');
    await page.locator('[data-testid="form-problem"]', { hasText: 'say why the request is rejected' }).waitFor();
    await send(page, 'reject', 'We hold no account under the name given');
    await liveState(page, /Finished: rejected/);
    const notice = await mailTo(email, /declined/);
    assert.ok(notice.text?.includes('We hold no account under the name given'));
    assert.equal(await page.locator('[data-testid="form-reject"]').count(), 0, 'no reject form once closed');

    // A stale form (the same POST the screen makes) is refused with the reason, not a crash.
    const again = await page.request.post(`${consoleApp.url}/admin/api/resources/privacy_requests/records/${id}/act`, {
      data: { operation: 'reject', reason: 'again' }, headers: { origin: consoleApp.url },
    });
    assert.equal(again.status(), 200);
    assert.match((await again.json()).notice.message, /is rejected: only an open request is rejected/);
  });

  it('a rectification: extended once with a reason, then executed with the fields given in the form', async () => {
    const { accountId, api } = await stack.newAccount('Console Rectify Co');
    const prospect = await api.post('/v1/prospects', { email: 'misspelt@privacy.test', firstName: 'Jonh', lastName: 'Smiht' });
    const staffApi = new ApiClient(stack.apiUrl, (await newStaffMember(stack.dataSource, 'support')).token);
    const created = await staffApi.post('/v1/staff/privacy-requests', {
      type: 'rectification', subject: 'prospect', accountId, prospectId: prospect.body.id, verificationReason: 'Wrote from the address on file',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as string;
    const page = await signedIn('support');
    await page.goto(`${consoleApp.url}/admin/resources/privacy_requests/records/${id}/show`);
    await liveState(page, /Waiting for the fields to rectify \(due .*\); next reminder at/);

    await send(page, 'extend', 'Waiting for the customer to confirm the spelling');
    await page.locator('[data-testid="notice"]', { hasText: 'Deadline extended' }).waitFor();
    await page.locator('[data-testid="form-extend"]').waitFor({ state: 'detached' });
    await page.locator('[data-testid="request-events"]', { hasText: 'subject told of extension' }).waitFor();

    await page.click('[data-testid="form-rectify"] button[type="submit"]');
    await page.locator('[data-testid="form-problem"]', { hasText: 'Give at least one field to set' }).waitFor();
    await page.fill('[data-testid="form-rectify"] input[name="first_name"]', 'x'.repeat(300));
    await page.click('[data-testid="form-rectify"] button[type="submit"]');
    await page.locator('[data-testid="form-problem"]', { hasText: 'fields.first_name must be null or a single-line string' }).waitFor();
    await page.fill('[data-testid="form-rectify"] input[name="first_name"]', 'John');
    await page.fill('[data-testid="form-rectify"] input[name="last_name"]', 'Smith');
    await page.click('[data-testid="form-rectify"] button[type="submit"]');
    await liveState(page, /Finished: completed/);
    const row = (await api.get(`/v1/prospects/${prospect.body.id}`)).body;
    assert.deepEqual([row.firstName, row.lastName], ['John', 'Smith']);
  });

  it('an operator gets 403 on the actions by direct POST; a forged origin is refused; no session is 401', async () => {
    const id = await fileRequest('not.for.operators@privacy.test', 'erasure');
    const act = `${consoleApp.url}/admin/api/resources/privacy_requests/records/${id}/act`;
    const operator = await signedIn('operator');
    const refused = await operator.request.post(act, { data: { operation: 'reject', reason: 'operators may not' }, headers: { origin: consoleApp.url } });
    assert.equal(refused.status(), 403);
    const certificate = await operator.request.get(`${consoleApp.url}/admin/api/resources/privacy_requests/records/${id}/certificate`);
    assert.equal(certificate.status(), 403);

    const support = await signedIn('support');
    const forged = await support.request.post(act, { data: { operation: 'reject', reason: 'forged' }, headers: { origin: 'http://evil.test' } });
    assert.equal(forged.status(), 403);
    const anonymous = await fetch(act, { method: 'POST', headers: { origin: consoleApp.url, 'content-type': 'application/json' }, body: '{}' });
    assert.equal(anonymous.status, 401);
    assert.equal((await stack.dataSource.query(`SELECT status FROM privacy_requests WHERE id = $1`, [id]))[0].status, 'awaiting_verification');
  });
});
