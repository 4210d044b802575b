import { Context } from '@temporalio/activity';
import type { ImportRunner } from '@relance/imports/import-runner';
import type { ImportActivities } from '@relance/temporal/contracts';

export function createImportActivities(deps: { runner: ImportRunner }): ImportActivities {
  return {
    // The checkpoint rides on each heartbeat for operators; the run resumes from the database's, committed with its batch.
    runImport: ({ importJobId }) => deps.runner.run(importJobId, (checkpoint) => Context.current().heartbeat(checkpoint)),
    failImport: ({ importJobId, reason }) => deps.runner.fail(importJobId, reason),
  };
}
