import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultPayloadConverter } from '@temporalio/common';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { loadConfig, readLauncherEnv } from '@relance/config';
import { createDataSource } from '@relance/db/data-source';
import { PayloadDecoder } from '@relance/temporal/remote-codec';
import { provideTemporal, type Service } from '../../scripts/launcher/services';
import { childProcessEnv, testEnv } from '../harness/env';
import { launchChromium } from '../support/browser';
import { signedInToConsole } from '../support/console-browser';
import { startConsole, type RunningConsole } from '../support/console-process';

/**
 * The Temporal Web UI decodes Relance's payloads through the console's /codec, with the staff
 * member's console session: the calls below run in a page of the real Web UI's origin (the dev
 * server `npm start` runs, pointed at the console), as the UI makes them with "include
 * cross-origin credentials". Browsers apply CORS and the session cookie as they would for it.
 */
describe('console: the Temporal Web UI decodes payloads with the console session', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'relance-console-codec-'));
  let temporalUi: Service | undefined;
  let uiUrl: string;
  let consoleApp: RunningConsole;
  let dataSource: DataSource;
  let browser: Browser;
  const secret = { step: 'welcome', note: 'payloads are encrypted at rest in Temporal' };
  let encrypted: unknown;
  let namespace: string;

  before(async () => {
    dataSource = await createDataSource(testEnv().databaseUrl, { poolSize: 1 }).initialize();
    // The console's port first, so the UI can be told where its codec is, as npm start does.
    const temporal = await provideTemporal(readLauncherEnv({ TEMPORAL_CLI_PATH: testEnv().temporalCli }), process.cwd(), dataDir,
      () => undefined, 'http://127.0.0.1:1/codec');
    temporalUi = temporal.service;
    uiUrl = temporal.uiUrl!;
    consoleApp = await startConsole({ CODEC_CORS_ORIGINS: uiUrl });
    browser = await launchChromium();
    const config = loadConfig(childProcessEnv({}));
    const payload = defaultPayloadConverter.toPayload(secret);
    namespace = config.temporal.namespace;
    encrypted = await new PayloadDecoder(config.temporal).encode(undefined, [payload]);
  });

  after(async () => {
    await browser?.close();
    await consoleApp?.stop();
    await temporalUi?.stop();
    await dataSource?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** POST /codec/decode from `page`'s origin, as the Web UI does; a refused CORS check reads "blocked". */
  const decodeFrom = (page: Page, credentials: 'include' | 'omit'): Promise<{ status: number; body: any }> => page.evaluate(async ({ url, body, credentials: mode, namespace: ns }) => {
    try {
      const response = await fetch(url, {
        method: 'POST', credentials: mode, body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', 'x-namespace': ns },
      });
      return { status: response.status, body: await response.json() };
    } catch {
      return { status: 0, body: 'blocked' };
    }
  }, { url: `${consoleApp.url}/codec/decode`, body: encrypted, credentials, namespace });

  it('an operator signed in to the console reads the payload in clear from the UI; without the session, 401', async () => {
    const { page } = await signedInToConsole(browser, consoleApp.url, dataSource, 'operator');
    await page.goto(uiUrl, { waitUntil: 'domcontentloaded' });
    const decoded = await decodeFrom(page, 'include');
    assert.equal(decoded.status, 200, JSON.stringify(decoded.body));
    const [clear] = decoded.body.payloads;
    assert.deepEqual(JSON.parse(Buffer.from(clear.data, 'base64').toString('utf8')), secret);
    const anonymous = await decodeFrom(page, 'omit');
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.body.error.message, /Sign in to the Relance console/);
  });

  it('support is refused (403), and a page of another origin cannot read the answer', async () => {
    const { page } = await signedInToConsole(browser, consoleApp.url, dataSource, 'support');
    await page.goto(uiUrl, { waitUntil: 'domcontentloaded' });
    const refused = await decodeFrom(page, 'include');
    assert.equal(refused.status, 403);
    assert.match(refused.body.error.message, /support role may not decode/);

    const { page: operator } = await signedInToConsole(browser, consoleApp.url, dataSource, 'operator');
    // The console's own origin is not the UI's: CORS answers it nothing a browser accepts.
    await operator.goto(`${consoleApp.url}/health`);
    const elsewhere = await operator.evaluate(async (url) => {
      const other = new URL(url);
      other.hostname = 'localhost';
      try {
        const response = await fetch(other, { method: 'POST', credentials: 'include', body: '{}', headers: { 'content-type': 'application/json' } });
        return response.status;
      } catch {
        return 'blocked';
      }
    }, `${consoleApp.url}/codec/decode`);
    assert.equal(elsewhere, 'blocked');
  });

  it('bad bodies are named: not JSON, no payloads, an unknown operation', async () => {
    const { page } = await signedInToConsole(browser, consoleApp.url, dataSource, 'admin');
    const post = (path: string, body: string) => page.request.post(`${consoleApp.url}${path}`, { data: body, headers: { 'content-type': 'application/json' } });
    const notJson = await post('/codec/decode', '{"payloads": [');
    assert.equal(notJson.status(), 400);
    assert.equal((await notJson.json()).error.code, 'invalid_json');
    const empty = await post('/codec/decode', '{"nothing": true}');
    assert.equal(empty.status(), 400);
    assert.match((await empty.json()).error.message, /payloads/);
    const unknown = await post('/codec/scramble', '{"payloads": []}');
    assert.equal(unknown.status(), 404);
  });
});
