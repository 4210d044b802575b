import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@relance/db/data-source';
import { ProspectRepository } from '@relance/db/repositories/prospect.repository';
import { AccountClosureRepository } from '@relance/privacy/accounts/account-closure.repository';
import { SupportConversationRepository } from '@relance/support/support-conversation.repository';
import { bootstrapAccount } from '../../apps/api/src/auth/bootstrap-account';
import { testEnv } from '../harness/env';
import { startSmtpCapture, type SmtpCapture } from '../harness/smtp-capture';
import { artifactPath, launchChromium } from '../support/browser';
import { startConsole, type RunningConsole } from '../support/console-process';
import { signedInToConsole } from '../support/console-browser';

/**
 * Support's screens in a real browser: conversations (read, audited; reply, mailed; attach),
 * "Forget this prospect" and the account's closure with its Cancel action.
 */
describe('console: support actions in a browser', () => {
  let dataSource: DataSource;
  let mail: SmtpCapture;
  let consoleApp: RunningConsole;
  let browser: Browser;

  before(async () => {
    dataSource = await createDataSource(testEnv().databaseUrl, { poolSize: 2 }).initialize();
    mail = await startSmtpCapture();
    consoleApp = await startConsole({ SYSTEM_MAIL_SMTP_URL: `smtp://${mail.host}:${mail.port}` });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    if (consoleApp) writeFileSync(artifactPath('console-support.log'), consoleApp.output());
    await consoleApp?.stop();
    await mail?.stop();
    await dataSource?.destroy();
  });

  const signedIn = (role: 'support' | 'operator') => signedInToConsole(browser, consoleApp.url, dataSource, role);

  /** An account whose owner wrote to support; returns the conversation and the owner's address. */
  async function customerConversation(subject: string): Promise<{ id: string; ownerEmail: string; accountId: string; accountName: string }> {
    const ownerEmail = `owner-${randomUUID()}@console-support.test`;
    const account = await bootstrapAccount(dataSource, { accountName: `Console support ${randomUUID().slice(0, 8)}`, ownerEmail, ownerName: 'Owner' });
    const conversation = await new SupportConversationRepository(dataSource).open({
      accountId: account.accountId, subject, contactEmail: null, body: 'My campaign will not launch.', author: { kind: 'user', id: account.userId },
    });
    return { id: conversation.id, ownerEmail, accountId: account.accountId, accountName: (await dataSource.query(
      `SELECT name FROM accounts WHERE id = $1`, [account.accountId]))[0].name as string };
  }

  const notice = (page: Page) => page.getByTestId('conversation-notice');

  it('support reads a conversation and replies by clicking; the owner is mailed, both audited', async () => {
    const { id, ownerEmail, accountName } = await customerConversation('Launch blocked');
    const { page, id: staffId } = await signedIn('support');

    await page.goto(`${consoleApp.url}/admin/resources/support_conversations`);
    await page.getByText('Launch blocked').first().waitFor();
    await page.goto(`${consoleApp.url}/admin/resources/support_conversations/records/${id}/conversation`);
    await page.getByText('My campaign will not launch.').waitFor();
    // The customer by name, linked to their account, rather than an id.
    await page.getByTestId('conversation-account').filter({ hasText: `Account: ${accountName}` }).waitFor();

    await page.getByRole('button', { name: 'Send reply' }).click();
    await notice(page).filter({ hasText: /^body:/ }).waitFor();

    await page.fill('#reply-body', 'Your mailbox needed reconnecting: it is done.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await notice(page).filter({ hasText: 'Reply sent: mailed to 1 recipient.' }).waitFor();
    await page.getByText('Your mailbox needed reconnecting: it is done.').waitFor();
    await page.screenshot({ path: artifactPath('console-support-conversation.png'), fullPage: true });
    const sent = await mail.waitFor((m) => m.envelope.to.includes(ownerEmail));
    assert.equal(sent.subject, 'Re: Launch blocked');
    assert.ok(sent.text?.includes('Your mailbox needed reconnecting'), sent.text);

    const trail = await dataSource.query(
      `SELECT action, actor_id FROM audit_events WHERE target_id = $1 ORDER BY occurred_at, id`, [id]);
    assert.ok(trail.some((e: { action: string }) => e.action === 'support_conversation.read'), JSON.stringify(trail));
    assert.ok(trail.some((e: { action: string }) => e.action === 'support_conversation.replied'), JSON.stringify(trail));
    assert.ok(trail.every((e: { actor_id: string }) => e.actor_id === staffId));
  });

  it('support finds the account of a conversation opened from an e-mail by its owner\'s address, and attaches it', async () => {
    const { accountId, accountName, ownerEmail } = await customerConversation('Another');
    const opened = await new SupportConversationRepository(dataSource).open({
      accountId: null, subject: 'Forwarded question', contactEmail: `writer-${randomUUID()}@elsewhere.test`, body: 'Which plan am I on?', author: { kind: 'outside' },
    });
    const { page, id: staffId } = await signedIn('support');
    await page.goto(`${consoleApp.url}/admin/resources/support_conversations/records/${opened.id}/conversation`);
    await page.getByText('Not attached to an account yet').waitFor();
    await page.fill('#attach-search', 'a');
    await page.getByRole('button', { name: 'Find' }).click();
    await notice(page).filter({ hasText: /^search: type at least 2 characters/ }).waitFor();
    await page.fill('#attach-search', `nobody-${randomUUID()}`);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByTestId('account-matches').filter({ hasText: 'No account matches.' }).waitFor();
    // A part of the owner's address (unique here), as an agent would paste a sender's.
    await page.fill('#attach-search', ownerEmail.slice(0, 20).toUpperCase());
    await page.getByRole('button', { name: 'Find' }).click();
    const match = page.getByTestId('account-match');
    await match.filter({ hasText: `${accountName} · owner ${ownerEmail}` }).waitFor();
    assert.equal(await match.count(), 1);
    await page.fill('#attach-reason', 'Same sender domain');
    await page.getByRole('button', { name: 'Attach' }).click();
    await notice(page).filter({ hasText: 'Attached to the account.' }).waitFor();
    const account = page.getByTestId('conversation-account').filter({ hasText: `Account: ${accountName}` });
    await account.waitFor();
    assert.equal(await account.locator('a').getAttribute('href'), `/admin/resources/accounts/records/${accountId}/show`);
    const [row] = await dataSource.query(`SELECT account_id FROM support_conversations WHERE id = $1`, [opened.id]);
    assert.equal(row.account_id, accountId);
    const searches = await dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'accounts.searched' AND actor_id = $1 ORDER BY occurred_at`, [staffId]);
    assert.deepEqual(searches.map((e: { details: { matches: number } }) => e.details.matches), [0, 1]);
  });

  /** Fills the reason form (reason-action.jsx) and sends it. */
  async function submitReason(page: Page, button: string, reason: string, confirm: boolean): Promise<void> {
    await page.fill('#action-reason', reason);
    if (confirm) await page.locator('label[for="action-confirm"]').click();
    await page.getByRole('button', { name: button }).click();
  }

  it('support forgets a prospect by clicking, with a reason and a confirmation; audited with the staff member', async () => {
    const { accountId } = await customerConversation('Prospect owner');
    const prospect = (await new ProspectRepository(dataSource).insertOne(accountId, null, { email: `ada-${randomUUID()}@forget.test`, firstName: 'Ada' }))!;
    const { page, id: staffId } = await signedIn('support');
    await page.goto(`${consoleApp.url}/admin/resources/prospects/records/${prospect.id}/forget`);
    await page.getByText(/This cannot be undone/).waitFor();
    await page.getByText(`Ada <${prospect.email}>: erased everywhere`).waitFor(); // the agent sees whom they forget

    await page.getByRole('button', { name: 'Forget this prospect' }).click();
    await page.getByTestId('action-notice').filter({ hasText: /^reason:/ }).waitFor();
    await submitReason(page, 'Forget this prospect', 'Asked by mail, ticket 7', false);
    await page.getByTestId('action-notice').filter({ hasText: /^confirmed:/ }).waitFor();
    assert.equal((await dataSource.query(`SELECT id FROM prospects WHERE id = $1`, [prospect.id])).length, 1, 'refusals erased nothing');

    await page.locator('label[for="action-confirm"]').click();
    await page.getByRole('button', { name: 'Forget this prospect' }).click();
    await page.getByTestId('action-notice').filter({ hasText: /^Prospect forgotten/ }).waitFor();
    await page.screenshot({ path: artifactPath('console-forget-prospect.png'), fullPage: true });
    assert.equal((await dataSource.query(`SELECT id FROM prospects WHERE id = $1`, [prospect.id])).length, 0);
    const [audit] = await dataSource.query(`SELECT actor_kind, actor_id, reason FROM audit_events WHERE action = 'prospect.erased' AND target_id = $1`, [prospect.id]);
    assert.deepEqual(audit, { actor_kind: 'staff', actor_id: staffId, reason: 'Asked by mail, ticket 7' });
  });

  it('support sees an account\'s pending closure and cancels it by clicking; audited with the reason', async () => {
    const { accountId } = await customerConversation('Closing owner');
    await new AccountClosureRepository(dataSource).request(accountId, 3_600_000, async () => undefined);
    const { page, id: staffId } = await signedIn('support');
    await page.goto(`${consoleApp.url}/admin/resources/accounts/records/${accountId}/closure`);
    await page.getByText('Closure: pending').waitFor();
    await page.getByText(/unless cancelled/).waitFor();
    await submitReason(page, 'Cancel the closure', 'The owner called to keep the account', true);
    await page.getByTestId('action-notice').filter({ hasText: 'Closure cancelled: the account is kept.' }).waitFor();
    await page.getByText('Closure: cancelled').waitFor();
    const [closure] = await dataSource.query(`SELECT status FROM account_closures WHERE account_id = $1`, [accountId]);
    assert.equal(closure.status, 'cancelled');
    const [audit] = await dataSource.query(`SELECT actor_id, reason FROM audit_events WHERE action = 'account.closure_cancelled' AND target_id = $1`, [accountId]);
    assert.deepEqual(audit, { actor_id: staffId, reason: 'The owner called to keep the account' });
  });

  it('an operator is refused the conversations, the forget and the closure actions, screens and API alike (403)', async () => {
    const { id } = await customerConversation('Not for operators');
    const { page } = await signedIn('operator');
    const { accountId } = await customerConversation('Operator target');
    for (const path of ['/admin/resources/support_conversations', `/admin/resources/support_conversations/records/${id}/conversation`,
      `/admin/resources/accounts/records/${accountId}/closure`]) {
      assert.equal((await page.goto(`${consoleApp.url}${path}`))?.status(), 403, path);
    }
    const api = await page.request.post(`${consoleApp.url}/admin/api/resources/support_conversations/records/${id}/conversation`,
      { headers: { origin: consoleApp.url }, data: { op: 'reply', body: 'sneaky' } });
    assert.equal(api.status(), 403);
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM support_messages WHERE conversation_id = $1`, [id]);
    assert.equal(count, 1, 'nothing was added');
    const cancel = await page.request.post(`${consoleApp.url}/admin/api/resources/accounts/records/${accountId}/closure`,
      { headers: { origin: consoleApp.url }, data: { reason: 'x', confirmed: 'yes' } });
    assert.equal(cancel.status(), 403);
    // A support member's session, but the request comes from another site.
    const { page: supportPage } = await signedIn('support');
    await new AccountClosureRepository(dataSource).request(accountId, 3_600_000, async () => undefined);
    const forged = await supportPage.request.post(`${consoleApp.url}/admin/api/resources/accounts/records/${accountId}/closure`,
      { headers: { origin: 'http://evil.example' }, data: { reason: 'x', confirmed: 'yes' } });
    assert.equal(forged.status(), 403, 'another site\'s form is refused');
    const [closure] = await dataSource.query(`SELECT status FROM account_closures WHERE account_id = $1`, [accountId]);
    assert.equal(closure.status, 'pending', 'still closing');
  });
});
