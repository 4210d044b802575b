import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from '@temporalio/worker';
import { parseKeyRing } from '@relance/config/master-keys';
import { createDataConverter } from '@relance/temporal/data-converter';
import { relanceWorkflowBundle } from '../../apps/worker/src/workflow-bundle';

const root = join(__dirname, '..', '..', '..');

/**
 * The key the fixture's payloads were encrypted with. It protects nothing: the fixture holds
 * ids and made-up test data only, recorded by a test stack.
 */
const FIXTURE_PAYLOAD_KEYS = 'replay1:cmVsYW5jZS1yZXBsYXktZml4dHVyZS1rZXktMzJieXQ=';

/**
 * Enrollments wait for days on their timers, so a new version of the workflow code resumes
 * histories recorded by an older one. Temporal replays them and refuses any command that
 * differs: these histories must replay with the code of today.
 *
 * Each fixture is one enrollment run on a test stack of the version it names (payloads
 * encrypted with FIXTURE_PAYLOAD_KEYS), exported with `temporal workflow show --output json`.
 * Reading it needs a single protobufjs under the @temporalio packages: package.json pins the
 * one they use, so npm does not install a copy for each (historyFromJSON fails across copies).
 */
describe('enrollment workflow: histories recorded by earlier versions replay', () => {
  const replay = async (fixture: string) =>
    Worker.runReplayHistory(
      {
        workflowBundle: await relanceWorkflowBundle(),
        dataConverter: createDataConverter({
          // Only the keys matter to a replay: nothing connects to a server.
          temporal: { payloadKeys: parseKeyRing(FIXTURE_PAYLOAD_KEYS) },
        }),
      },
      JSON.parse(readFileSync(join(root, 'tests', 'replay', 'histories', fixture), 'utf8')),
    );

  // Commit 33d079a: email, 2 s wait, condition, email, then waiting out a calendar day.
  it('one recorded with bookkeeping as ordinary activities (before the local-bookkeeping patch)', async () => {
    await replay('enrollment-before-local-bookkeeping.history.json');
  });

  // Commit 770e6d4: email, 1 s wait, paused by the rep (a paused result with no re-read time:
  // the wait has no timer), resumed by signal, email.
  it('one paused and resumed before a paused enrollment re-read its state on a period', async () => {
    await replay('enrollment-paused-before-recheck.history.json');
  });
});
