import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startSmtpCapture, type CapturedMessage, type SmtpCapture } from '../harness/smtp-capture';
import { ApiClient } from '../support/api-client';
import { artifactPath, launchChromium } from '../support/browser';
import { signedInToConsole } from '../support/console-browser';
import { startConsole, type RunningConsole } from '../support/console-process';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

/**
 * An admin changes the subprocessor registry from the console by clicking only, and a customer
 * who subscribed to change notices receives each change by mail (Relance's system mailer, an
 * SMTP capture here; the stack's worker runs the notice workflow the console started).
 */
describe('console: the subprocessor registry in a browser', () => {
  let stack: RelanceStack;
  let systemMail: SmtpCapture;
  let consoleApp: RunningConsole;
  let browser: Browser;

  before(async () => {
    systemMail = await startSmtpCapture();
    const mailer = { SYSTEM_MAIL_SMTP_URL: `smtp://${systemMail.host}:${systemMail.port}` };
    stack = await startRelanceStack({ env: mailer });
    consoleApp = await startConsole(mailer);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    if (consoleApp) writeFileSync(artifactPath('console-subprocessors.log'), consoleApp.output());
    await consoleApp?.stop();
    await stack?.stop();
    await systemMail?.stop();
  });

  const notice = (page: Page) => page.getByTestId('change-notice');
  const noticeTo = (address: string, name: string, subject: RegExp) => systemMail.waitFor(
    (m: CapturedMessage) => m.to.includes(address) && subject.test(m.subject ?? '') && (m.text ?? '').includes(name), 20_000);

  it('an admin adds then retires a subprocessor; the subscribed customer is mailed each change', async (t) => {
    const customer = await stack.newAccount(`Subscribed ${randomUUID().slice(0, 8)}`);
    const [{ email: ownerEmail }] = await stack.dataSource.query(
      `SELECT email FROM users WHERE account_id = $1 AND role = 'owner'`, [customer.accountId]);
    assert.equal((await customer.api.request('PUT', '/v1/account/subprocessor-notices')).status, 200);
    // Subscribed for this test only: the registry's own spec counts the notices each change sends.
    t.after(async () => assert.equal((await customer.api.request('DELETE', '/v1/account/subprocessor-notices')).status, 200));
    const name = `Mailjet ${randomUUID().slice(0, 8)}`;
    const { page } = await signedInToConsole(browser, consoleApp.url, stack.dataSource, 'admin', { height: 1100, timeoutMs: 15_000 });

    await page.goto(`${consoleApp.url}/admin/resources/subprocessors/actions/add`);
    await page.getByTestId('subprocessor-change').waitFor();
    // Careless input first: blank fields, a line break, a date that is no date; each named, nothing saved.
    await page.fill('#field-name', name);
    await page.fill('#field-effectiveAt', '2020-01-01');
    await page.getByRole('button', { name: 'Add a subprocessor' }).click();
    await notice(page).filter({ hasText: /address must not be blank/ }).waitFor();
    assert.match(await page.getByTestId('problem-reason').innerText(), /say why/);
    assert.match(await page.getByTestId('problem-transferMechanism').innerText(), /must not be blank/);
    await page.fill('#field-address', '4 rue Jules Lefebvre, 75009 Paris, France');
    await page.fill('#field-processingScope', 'Transactional email');
    await page.fill('#field-personalDataTypes', 'Email address, name');
    await page.fill('#field-processingLocation', 'France');
    await page.fill('#field-transferMechanism', 'N/A (EU)');
    await page.fill('#field-reason', 'Second sending provider');
    await page.getByRole('button', { name: 'Add a subprocessor' }).click();
    await notice(page).filter({ hasText: /effectiveAt must be in the future/ }).waitFor();
    assert.equal((await stack.dataSource.query(`SELECT 1 FROM subprocessors WHERE name = $1`, [name])).length, 0);

    await page.fill('#field-effectiveAt', '');
    await page.getByRole('button', { name: 'Add a subprocessor' }).click();
    await notice(page).filter({ hasText: `${name} added: takes effect on` }).waitFor();
    const added = await noticeTo(ownerEmail, name, /will be added on/);
    assert.ok(added.text?.includes('4 rue Jules Lefebvre'), added.text);

    await page.getByTestId('new-entry').click();
    await page.getByText('4 rue Jules Lefebvre, 75009 Paris, France').waitFor();
    const [{ id }] = await stack.dataSource.query(`SELECT id FROM subprocessors WHERE name = $1`, [name]);
    await page.goto(`${consoleApp.url}/admin/resources/subprocessors/records/${id}/retire`);
    await page.getByTestId('change-log').getByText('Added').waitFor();
    await page.fill('#field-reason', 'Contract ended');
    await page.getByRole('button', { name: 'Retire this subprocessor' }).click();
    await notice(page).filter({ hasText: `${name} retired: takes effect on` }).waitFor();
    await page.getByTestId('change-log').getByText('Retired').waitFor();
    await page.screenshot({ path: artifactPath('console-subprocessors.png'), fullPage: true });

    const retired = await noticeTo(ownerEmail, name, /will be retired on/);
    assert.match(retired.text ?? '', /You may object to this change before/);
    // Until it takes effect the entry stays on the public list, its retirement announced.
    const list = await new ApiClient(stack.apiUrl).get('/v1/subprocessors');
    const upcoming = JSON.stringify(list.body);
    assert.ok(upcoming.includes(name), upcoming.slice(0, 500));
    const trail = await stack.dataSource.query(
      `SELECT action FROM audit_events WHERE target_id = $1 ORDER BY occurred_at, id`, [id]);
    assert.deepEqual(trail.map((e: { action: string }) => e.action), ['subprocessor.added', 'subprocessor.retired']);
  });

  it('support cannot reach the registry, by menu or by URL', async () => {
    const { page } = await signedInToConsole(browser, consoleApp.url, stack.dataSource, 'support');
    const response = await page.goto(`${consoleApp.url}/admin/resources/subprocessors/actions/add`);
    assert.equal(response?.status(), 403);
    const api = await page.request.post(`${consoleApp.url}/admin/api/resources/subprocessors/actions/add`, {
      data: { name: 'Sneaky' }, headers: { Origin: consoleApp.url },
    });
    assert.equal(api.status(), 403);
  });
});
