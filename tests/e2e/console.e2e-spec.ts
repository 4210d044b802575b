import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@relance/db/data-source';
import { StaffRepository } from '@relance/db/repositories/staff.repository';
import { PrivacyRequestRepository } from '@relance/privacy/requests/privacy-request.repository';
import { RetentionRunRepository } from '@relance/privacy/retention/retention-run.repository';
import { testEnv } from '../harness/env';
import { artifactPath, launchChromium } from '../support/browser';
import { startConsole, type RunningConsole } from '../support/console-process';
import { newConsoleMember } from '../support/staff-fixtures';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The staff console in a real browser (Debian's Chromium): one console process and one browser
 * for the whole file, a fresh browser context (cookies) per member.
 */
describe('staff console in a browser', () => {
  let dataSource: DataSource;
  let consoleApp: RunningConsole;
  let browser: Browser;
  const pages: Page[] = [];
  /** Every request a page made outside the console (a CDN, fonts…): there must be none. */
  const external: string[] = [];

  before(async () => {
    dataSource = await createDataSource(testEnv().databaseUrl, { poolSize: 2 }).initialize();
    consoleApp = await startConsole({ STAFF_LOCKOUT: '10m' });
    process.stdout.write(`# console healthy ${consoleApp.startMs} ms after spawn\n`);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    // What the console printed (warnings and errors only, LOG_LEVEL=warn), beside the screenshots.
    if (consoleApp) writeFileSync(artifactPath('console.log'), consoleApp.output());
    await consoleApp?.stop();
    await dataSource?.destroy();
  });

  async function newPage(): Promise<Page> {
    // Wide enough that AdminJS shows its menu beside the page.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(10_000);
    await context.route((url) => url.origin !== consoleApp.url, (route) => {
      external.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    pages.push(page);
    return page;
  }

  /** Fills and sends AdminJS's sign-in form; resolves with the page it lands on. */
  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${consoleApp.url}/admin/login`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await Promise.all([page.waitForLoadState('load'), page.click('form button')]);
  }

  /** AdminJS renders its pages in the browser: waits until `text` shows (fails after the context's timeout). */
  async function shows(page: Page, text: RegExp): Promise<void> {
    await page.getByText(text).first().waitFor();
  }

  /** A verified erasure request due `dueInMs` from now (negative: overdue). */
  async function verifiedRequest(dueInMs: number): Promise<string> {
    const requests = new PrivacyRequestRepository(dataSource);
    const created = await requests.create({ type: 'erasure', subjectKind: 'email', requester: 'subject', emailHash: randomBytes(32).toString('hex') });
    const now = new Date();
    await requests.verify(created.id, { method: 'staff', staffId: null, reason: 'console test', at: now, dueAt: new Date(now.getTime() + dueInMs) });
    return created.id;
  }

  it('an admin signs in and the home lists open privacy requests, overdue first, with days left', async () => {
    const dueSoon = await verifiedRequest(3 * DAY_MS - HOUR_MS);
    const overdue = await verifiedRequest(-(2 * DAY_MS) + HOUR_MS);
    const admin = await newConsoleMember(dataSource, 'admin', 'admin password for the test');
    const page = await newPage();
    await signIn(page, admin.email, admin.password);
    assert.equal(new URL(page.url()).pathname, '/admin');

    const dueSoonRow = page.locator(`[data-request-id="${dueSoon}"]`);
    await dueSoonRow.waitFor({ timeout: 15_000 });
    assert.equal(await dueSoonRow.locator('[data-testid="days-left"]').innerText(), '3 days left');
    assert.equal(await dueSoonRow.getAttribute('data-urgency'), 'due_soon');
    const overdueRow = page.locator(`[data-request-id="${overdue}"]`);
    assert.equal(await overdueRow.locator('[data-testid="days-left"]').innerText(), 'overdue by 1 day');
    // Statuses read as words, not as the API's codes.
    assert.equal(await overdueRow.locator('[data-testid="request-status"]').innerText(), 'verified, in progress');
    const rows = await page.locator('[data-testid="home-request"]').all();
    const order = await Promise.all(rows.map((row) => row.getAttribute('data-request-id')));
    assert.ok(order.indexOf(overdue) < order.indexOf(dueSoon), 'overdue before due soon');
    await page.screenshot({ path: artifactPath('console-home.png'), fullPage: true });

    // The session cookie: httpOnly, sameSite, not readable by the page's scripts.
    const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'relance_console');
    assert.ok(cookie, 'a session cookie');
    assert.deepEqual([cookie.httpOnly, cookie.sameSite, cookie.secure], [true, 'Lax', false]);
    assert.equal(((await page.evaluate('document.cookie')) as string).includes('relance_console'), false);

    // The session lives in PostgreSQL and holds the member's id, not their address.
    const sessions = await dataSource.query(`SELECT * FROM console_sessions WHERE staff_user_id = $1`, [admin.user.id]);
    assert.equal(sessions.length, 1);
    assert.ok(!JSON.stringify(sessions).includes(admin.email), 'no address in the session row');

    const signedIn = await dataSource.query(`SELECT actor_id FROM audit_events WHERE action = 'staff_login.succeeded' AND target_id = $1`, [admin.user.id]);
    assert.deepEqual(signedIn, [{ actor_id: admin.user.id }]);
  });

  it('a support member works their screens but is refused admin-only and operator pages by direct URL', async () => {
    const support = await newConsoleMember(dataSource, 'support', 'support password for the test');
    const page = await newPage();
    await signIn(page, support.email, support.password);
    assert.equal(new URL(page.url()).pathname, '/admin');

    const own = await page.goto(`${consoleApp.url}/admin/resources/privacy_requests`);
    assert.equal(own?.status(), 200);
    // Their menu offers their screens and not the admins' (closed by URL below all the same).
    await page.locator('a[href="/admin/resources/privacy_requests"]').first().waitFor();
    assert.equal(await page.locator('a[href="/admin/resources/staff_users"]').count(), 0);
    assert.equal(await page.locator('a[href="/admin/pages/operations"]').count(), 0);
    await page.screenshot({ path: artifactPath('console-privacy-requests.png'), fullPage: true });
    for (const path of ['/admin/resources/staff_users', '/admin/resources/staff_users/actions/list', '/admin/pages/operations']) {
      const refused = await page.goto(`${consoleApp.url}${path}`);
      assert.equal(refused?.status(), 403, path);
      await shows(page, /not open to the support role/);
    }
    // The API behind the screens is closed too, with the member's own session cookie.
    const api = await page.request.get(`${consoleApp.url}/admin/api/resources/staff_users/actions/list`);
    assert.equal(api.status(), 403);
    const ownApi = await page.request.get(`${consoleApp.url}/admin/api/resources/privacy_requests/actions/list`);
    assert.equal(ownApi.status(), 200);
    const badId = await page.request.get(`${consoleApp.url}/admin/api/resources/privacy_requests/records/not-a-uuid/show`);
    assert.equal(badId.status(), 400);
    assert.deepEqual(await badId.json(), { error: 'the record id must be a uuid, not "not-a-uuid"' });

    // Disabled while signed in: the next click lands on the sign-in page.
    await new StaffRepository(dataSource).disable(support.user.id);
    await page.goto(`${consoleApp.url}/admin/resources/privacy_requests`);
    assert.equal(new URL(page.url()).pathname, '/admin/login');
    assert.equal((await page.request.get(`${consoleApp.url}/admin/api/resources/privacy_requests/actions/list`)).status(), 401);
  });

  it('an operator reads the operations dashboard (workflows, a 7-day chart, retention runs), and no screen of personal data', async () => {
    const operator = await newConsoleMember(dataSource, 'operator', 'operator password for the test');
    const ranAt = new Date();
    await new RetentionRunRepository(dataSource).record({
      job: 'expired-tokens', startedAt: new Date(ranAt.getTime() - 1_234), finishedAt: ranAt, counts: { apiKeysDeleted: 7 }, error: null,
    });
    const page = await newPage();
    await signIn(page, operator.email, operator.password);
    const operations = await page.goto(`${consoleApp.url}/admin/pages/operations`);
    assert.equal(operations?.status(), 200);
    await shows(page, /Messages by status, last 7 days/);
    // Seven days of bars, drawn in the page's own bundle; the workflow counts come from Temporal's visibility.
    assert.equal(await page.locator('[data-testid="traffic-chart"] g[data-day]').count(), 7);
    assert.equal(await page.locator('[data-testid="traffic-chart"] rect[data-series="sent"]').count(), 7);
    const workflows = page.locator('[data-testid="workflows"]');
    await shows(page, /Workflows by type and state/);
    assert.ok((await workflows.textContent())!.includes('enrollmentWorkflow'), 'a row per workflow type');
    assert.ok(!(await workflows.textContent())!.includes('could not be read'), 'Temporal answered');
    const runs = (await page.locator('[data-testid="retention-runs"]').textContent())!;
    assert.match(runs, /expired-tokens/);
    assert.match(runs, /apiKeysDeleted 7/);
    for (const section of ['failed-runs', 'long-runs', 'unknown-messages', 'failing-mailboxes']) {
      assert.equal(await page.locator(`[data-testid="${section}"]`).count(), 1, section);
    }
    assert.equal(await page.locator('a[href="/admin/pages/operations"]').count(), 1, 'their menu lists the page');
    await page.screenshot({ path: artifactPath('console-operations.png'), fullPage: true });
    for (const path of ['/admin/resources/prospects', '/admin/resources/privacy_requests', '/admin/resources/staff_users']) {
      assert.equal((await page.goto(`${consoleApp.url}${path}`))?.status(), 403, path);
    }
    // Their home names their screens instead of listing privacy requests.
    await page.goto(`${consoleApp.url}/admin`);
    await shows(page, /Your screens are in the menu: Operations/);
  });

  it('five wrong passwords lock the account: the right one is refused until an admin unlocks it', async () => {
    const member = await newConsoleMember(dataSource, 'support', 'the right password here');
    const page = await newPage();
    for (let attempt = 1; attempt <= 4; attempt++) {
      await signIn(page, member.email, `wrong password ${attempt}`);
      await shows(page, /Wrong email address or password/);
    }
    await signIn(page, member.email, 'wrong password 5');
    await shows(page, /locked after too many wrong passwords/);
    await signIn(page, member.email, member.password);
    assert.equal(new URL(page.url()).pathname, '/admin/login', 'still on the sign-in page');
    await shows(page, /locked after too many wrong passwords/);

    // An admin unlocks them from the console (the staff screen's record action).
    const admin = await newConsoleMember(dataSource, 'admin', 'admin password for unlocking');
    const adminPage = await newPage();
    await signIn(adminPage, admin.email, admin.password);
    const unlockUrl = `${consoleApp.url}/admin/api/resources/staff_users/records/${member.user.id}/unlock`;
    const forged = await adminPage.request.post(unlockUrl, { headers: { origin: 'http://evil.example' } });
    assert.equal(forged.status(), 403, 'a request from another site is refused');
    const unlocked = await adminPage.request.post(unlockUrl, { headers: { origin: consoleApp.url } });
    assert.equal(unlocked.status(), 200, await unlocked.text());

    await signIn(page, member.email, member.password);
    assert.equal(new URL(page.url()).pathname, '/admin');
    const trail = await dataSource.query(`SELECT action, actor_id FROM audit_events WHERE target_id = $1 ORDER BY occurred_at, id`, [member.user.id]);
    assert.deepEqual(trail.map((e: { action: string }) => e.action), [
      ...Array(5).fill('staff_login.failed'), 'staff_user.locked_out', 'staff_login.refused_locked', 'staff_user.unlocked', 'staff_login.succeeded',
    ]);
    assert.equal(trail.find((e: { action: string }) => e.action === 'staff_user.unlocked').actor_id, admin.user.id);
  });

  it('loaded nothing from another site on any page', () => {
    assert.deepEqual(external, []);
  });

  it('refuses without a session, a sign-in posted from another site, and an empty sign-in form', async () => {
    const noSession = await fetch(`${consoleApp.url}/admin/api/resources/privacy_requests/actions/list`, { redirect: 'manual' });
    assert.equal(noSession.status, 401);
    const screen = await fetch(`${consoleApp.url}/admin/resources/privacy_requests`, { redirect: 'manual' });
    assert.deepEqual([screen.status, screen.headers.get('location')], [302, '/admin/login']);
    const forged = await fetch(`${consoleApp.url}/admin/login`, {
      method: 'POST', redirect: 'manual',
      headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.c&password=x',
    });
    assert.equal(forged.status, 403);
    assert.match(await forged.text(), /not from the console/);
    const empty = await fetch(`${consoleApp.url}/admin/login`, {
      method: 'POST', redirect: 'manual',
      headers: { origin: consoleApp.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=&password=',
    });
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /Enter your email address and your password/);
    const health = await fetch(`${consoleApp.url}/health`);
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { checks: { postgres: { status: string } } }).checks.postgres.status, 'up');
  });
});
