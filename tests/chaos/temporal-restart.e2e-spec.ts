import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { getFreePort, locateTemporalCli, startTemporalDevServer, type TemporalDevServer } from '@relance/devservices';
import { imapUser, testEnv } from '../harness/env';
import { ChaosCampaign, deliveryViolations, describeRun, restartTemporal } from './index';

const PROSPECTS = 30;
const RESTARTS = 1;
const projectRoot = resolve(__dirname, '..', '..', '..');

/**
 * Guarantee 3 against the orchestrator going away: this test's own Temporal dev server
 * (SQLite file, fixed port, so the address stays the same) is stopped and started again
 * mid-campaign, with sends in flight. The worker reconnects by itself; every enrollment completes and
 * nothing is sent twice.
 */
describe('chaos: the Temporal server restarts mid-campaign', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relance-chaos-temporal-'));
  const dbFilename = join(dir, 'temporal.db');
  let cli: string;
  let port: number;
  let server: TemporalDevServer | undefined;
  let campaign: ChaosCampaign | undefined;

  const startServer = async () => {
    server = await startTemporalDevServer({ cli, dbFilename, port, ui: false, logFile: join(dir, 'temporal.log') });
  };

  before(async () => {
    cli = await locateTemporalCli({ projectRoot, cliPath: process.env.TEMPORAL_CLI_PATH || undefined });
    port = await getFreePort();
    await startServer();
  });

  after(async () => {
    await campaign?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`${PROSPECTS} prospects × 3 emails survive a restart of the Temporal server`, async () => {
    campaign = await ChaosCampaign.prepare({
      prospects: PROSPECTS,
      env: { ...process.env, TEMPORAL_ADDRESS: server!.address, TEMPORAL_NAMESPACE: 'default' },
      imap: testEnv().imap,
      mailUser: imapUser(3),
      disruptions: [restartTemporal({ times: RESTARTS, stop: () => server!.stop(), start: startServer })],
      timeoutMs: 120_000,
      log: (line) => process.stderr.write(`[chaos] ${line}\n`),
    });
    const result = await campaign.run();
    process.stderr.write(`[chaos] ${describeRun(result)}\n`);
    assert.equal(result.timeline.filter((line) => line.includes('Temporal started again')).length, RESTARTS);
    assert.equal(result.workerStarts, 1, 'the worker reconnected by itself');
    assert.deepEqual(deliveryViolations(result), [], describeRun(result));
  });
});
