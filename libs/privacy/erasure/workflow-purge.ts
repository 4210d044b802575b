import { Inject, Injectable } from '@nestjs/common';
import { Client, isGrpcServiceError, WorkflowNotFoundError } from '@temporalio/client';

/** gRPC NOT_FOUND: the run is gone already. */
const NOT_FOUND = 5;

export interface PurgedWorkflows {
  /** Runs that were still running (deleting a running run terminates it first). */
  terminated: number;
  /** Runs whose deletion Temporal accepted (a workflow that continued as new, or was started again, has several). */
  deletedRuns: number;
}

/**
 * Ends an erased subject's Temporal workflows and deletes their histories, so nothing of them
 * stays in Temporal either (inputs are ids and payloads are encrypted, but a history still says
 * that someone was prospected). Activity-ready: ids in, counts out, safe to run again.
 *
 * Deleting a running run terminates it and removes it at once; a closed run is removed by the
 * server's own task queue, seconds to a minute later (the dev server takes ~30-60 s).
 */
@Injectable()
export class WorkflowPurge {
  constructor(@Inject(Client) private readonly client: Client) {}

  async purge(workflowIds: readonly string[]): Promise<PurgedWorkflows> {
    const result: PurgedWorkflows = { terminated: 0, deletedRuns: 0 };
    for (const workflowId of workflowIds) {
      for (const [runId, running] of await this.runsOf(workflowId)) {
        if (!(await this.deleteRun(workflowId, runId))) continue;
        result.deletedRuns++;
        if (running) result.terminated++;
      }
    }
    return result;
  }

  /** Every run of the id (run id → still running): those visibility lists, and the current one. */
  private async runsOf(workflowId: string): Promise<Map<string, boolean>> {
    const runs = new Map<string, boolean>();
    for await (const run of this.client.workflow.list({ query: `WorkflowId = ${JSON.stringify(workflowId)}` })) {
      runs.set(run.runId, run.status.name === 'RUNNING');
    }
    try {
      const current = await this.client.workflow.getHandle(workflowId).describe();
      runs.set(current.runId, current.status.name === 'RUNNING');
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    return runs;
  }

  /** False when the run is gone already (deleted by an earlier purge). */
  private async deleteRun(workflowId: string, runId: string): Promise<boolean> {
    try {
      await this.client.workflowService.deleteWorkflowExecution({
        namespace: this.client.options.namespace,
        workflowExecution: { workflowId, runId },
      });
      return true;
    } catch (error) {
      if (isGrpcServiceError(error) && error.code === NOT_FOUND) return false;
      throw error;
    }
  }
}
