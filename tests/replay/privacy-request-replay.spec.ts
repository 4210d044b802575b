import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from '@temporalio/worker';
import { parseKeyRing } from '@relance/config/master-keys';
import { createDataConverter } from '@relance/temporal/data-converter';
import { relanceWorkflowBundle } from '../../apps/worker/src/workflow-bundle';

const root = join(__dirname, '..', '..', '..');

/** As in enrollment-replay.spec.ts: a key that protects nothing (ids and made-up test data only). */
const FIXTURE_PAYLOAD_KEYS = 'replay1:cmVsYW5jZS1yZXBsYXktZml4dHVyZS1rZXktMzJieXQ=';

/**
 * A privacy request's workflow may wait weeks for its fields or its due date, so today's code
 * resumes histories recorded by older code. Each fixture was run on a test stack at commit
 * f7dcae6 (before the rejection signal and the live query) and exported with the client's
 * fetchHistory + historyToJSON. Handlers and queries add no command: these must replay. The
 * rejected one was recorded at the commit that added rejection, to guard it from here on.
 */
describe('privacy-request workflow: histories recorded by earlier versions replay', () => {
  const replay = async (fixture: string) =>
    Worker.runReplayHistory(
      {
        workflowBundle: await relanceWorkflowBundle(),
        dataConverter: createDataConverter({ temporal: { payloadKeys: parseKeyRing(FIXTURE_PAYLOAD_KEYS) } }),
      },
      JSON.parse(readFileSync(join(root, 'tests', 'replay', 'histories', fixture), 'utf8')),
    );

  it('a rectification reminded, extended (the subject told), then given its fields and executed', async () => {
    await replay('privacy-rectification-reminded-extended.history.json');
  });

  it('a public erasure that mailed its link, verified by staff and executed', async () => {
    await replay('privacy-erasure-verified-by-staff.history.json');
  });

  it('a rectification waiting for its fields, rejected by staff (recorded when rejection landed)', async () => {
    await replay('privacy-rectification-rejected.history.json');
  });
});
