import { Inject, Injectable } from '@nestjs/common';
import { Client, isGrpcServiceError, WorkflowNotFoundError } from '@temporalio/client';

/** gRPC NOT_FOUND: the run is gone already. */
const NOT_FOUND = 5;

export interface PurgedWorkflows {
  /** Workflows that were running and were terminated. */
  terminated: number;
  /** Runs whose history was deleted (a workflow that continued as new has several). */
  deletedRuns: number;
}

/**
 * Ends an erased subject's Temporal workflows and deletes their histories, so nothing of them
 * stays in Temporal either (inputs are ids and payloads are encrypted, but a history still says
 * that someone was prospected). Activity-ready: ids in, counts out, safe to run again.
 */
@Injectable()
export class WorkflowPurge {
  constructor(@Inject(Client) private readonly client: Client) {}

  async purge(workflowIds: readonly string[]): Promise<PurgedWorkflows> {
    const result: PurgedWorkflows = { terminated: 0, deletedRuns: 0 };
    for (const workflowId of workflowIds) {
      if (await this.terminate(workflowId)) result.terminated++;
      result.deletedRuns += await this.deleteRuns(workflowId);
    }
    return result;
  }

  private async terminate(workflowId: string): Promise<boolean> {
    try {
      await this.client.workflow.getHandle(workflowId).terminate('erased');
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false; // never started, or already closed
      throw error;
    }
  }

  /** Every run visibility lists for the id; the newest by id alone when it lists none yet. */
  private async deleteRuns(workflowId: string): Promise<number> {
    const runIds: (string | undefined)[] = [];
    for await (const run of this.client.workflow.list({ query: `WorkflowId = ${JSON.stringify(workflowId)}` })) runIds.push(run.runId);
    let deleted = 0;
    for (const runId of runIds.length > 0 ? runIds : [undefined]) {
      try {
        await this.client.workflowService.deleteWorkflowExecution({
          namespace: this.client.options.namespace,
          workflowExecution: { workflowId, runId },
        });
        deleted++;
      } catch (error) {
        if (!(isGrpcServiceError(error) && error.code === NOT_FOUND)) throw error;
      }
    }
    return deleted;
  }
}
