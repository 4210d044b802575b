import { Context } from '@temporalio/activity';
import type { ImportRunner } from '@relance/imports/import-runner';
import type { ImportActivities } from '@relance/temporal/contracts';
import type { WebhookFacts } from '@relance/webhooks';

export function createImportActivities(deps: { runner: ImportRunner; webhooks?: WebhookFacts }): ImportActivities {
  return {
    // The checkpoint rides on each heartbeat for operators; the run resumes from the database's, committed with its batch.
    runImport: async ({ importJobId }) => {
      await deps.runner.run(importJobId, (checkpoint) => Context.current().heartbeat(checkpoint));
      await deps.webhooks?.importFinished(importJobId);
    },
    failImport: async ({ importJobId, reason }) => {
      await deps.runner.fail(importJobId, reason);
      await deps.webhooks?.importFinished(importJobId);
    },
  };
}
