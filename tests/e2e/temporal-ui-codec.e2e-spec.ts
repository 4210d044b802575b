import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readLauncherEnv } from '@relance/config';
import { provideTemporal, type Service } from '../../scripts/launcher/services';
import { testEnv } from '../harness/env';

/**
 * `npm start` without TEMPORAL_ADDRESS runs the Temporal CLI dev server; its Web UI is told to
 * decode payloads through the console's /codec (what the UI's own settings route reports).
 */
describe('npm start: the Temporal Web UI decodes through the console codec endpoint', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'relance-ui-codec-'));
  let service: Service | undefined;

  after(async () => {
    await service?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the dev server with --ui-codec-endpoint <console>/codec', async () => {
    const env = readLauncherEnv({ TEMPORAL_CLI_PATH: testEnv().temporalCli });
    const lines: string[] = [];
    const temporal = await provideTemporal(env, process.cwd(), dataDir, (line) => lines.push(line), 'http://127.0.0.1:3100/codec');
    service = temporal.service;
    assert.ok(temporal.uiUrl, lines.join('\n'));
    const settings: any = await (await fetch(`${temporal.uiUrl}/api/v1/settings`)).json();
    assert.equal(settings.Codec.Endpoint, 'http://127.0.0.1:3100/codec');
  });
});
