import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import type { StaffRole } from '@relance/db/entities/staff-user.entity';
import { newConsoleMember } from './staff-fixtures';

/**
 * A fresh staff member of `role`, signed in to the console at `consoleUrl` in a browser context
 * of its own (its own cookies), on the home page.
 */
export async function signedInToConsole(
  browser: Browser, consoleUrl: string, dataSource: DataSource, role: StaffRole,
  options: { height?: number; timeoutMs?: number } = {},
): Promise<{ page: Page; id: string }> {
  const member = await newConsoleMember(dataSource, role, `${role} password for a console test`);
  const context = await browser.newContext({ viewport: { width: 1440, height: options.height ?? 900 }, acceptDownloads: true });
  context.setDefaultTimeout(options.timeoutMs ?? 10_000);
  const page = await context.newPage();
  await page.goto(`${consoleUrl}/admin/login`);
  await page.fill('input[name="email"]', member.email);
  await page.fill('input[name="password"]', member.password);
  await Promise.all([page.waitForLoadState('load'), page.click('form button')]);
  assert.equal(new URL(page.url()).pathname, '/admin', `${role} was not signed in`);
  return { page, id: member.user.id };
}
