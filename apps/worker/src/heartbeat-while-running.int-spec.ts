import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { Client, Connection } from '@temporalio/client';
import { Context } from '@temporalio/activity';
import { TimeoutFailure, TimeoutType } from '@temporalio/common';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { testEnv } from '../../../tests/harness/env';
import type { HeartbeatProbeActivities } from '../../../tests/support/heartbeat-probe.workflow';
import { heartbeatWhileRunning } from './heartbeat-while-running';

/** An activity busy for 2.5 s under a 1 s heartbeat timeout, which it never beats itself. */
describe('heartbeatWhileRunning', () => {
  let bundle: WorkflowBundleWithSourceMap;

  before(async () => {
    bundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('../../../tests/support/heartbeat-probe.workflow'),
      logger: { trace: () => {}, debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, log: () => {} },
    });
  });

  async function runProbe(withInterceptor: boolean): Promise<number> {
    const { temporalAddress, temporalNamespace } = testEnv();
    const taskQueue = `heartbeat-probe-${randomUUID()}`;
    const activities: HeartbeatProbeActivities = {
      busyFor: async (ms) => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        return Context.current().info.attempt;
      },
    };
    const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
    const connection = await Connection.connect({ address: temporalAddress });
    try {
      const worker = await Worker.create({
        connection: nativeConnection,
        namespace: temporalNamespace,
        taskQueue,
        workflowBundle: bundle,
        activities,
        interceptors: withInterceptor ? { activity: [heartbeatWhileRunning] } : {},
      });
      const client = new Client({ connection, namespace: temporalNamespace });
      return await worker.runUntil(
        client.workflow.execute('heartbeatProbeWorkflow', { taskQueue, workflowId: taskQueue, args: [2_500] }),
      );
    } finally {
      await connection.close();
      await nativeConnection.close();
    }
  }

  it('keeps a live activity from timing out however long it runs', async () => {
    assert.equal(await runProbe(true), 1, 'completed on its first attempt');
  });

  it('without it, the same activity is timed out (so the case above can fail)', async () => {
    await assert.rejects(runProbe(false), (error: Error) => {
      const timeout = (error.cause as Error | undefined)?.cause;
      assert.ok(timeout instanceof TimeoutFailure, `expected an activity timeout, got ${String(error.cause ?? error)}`);
      assert.equal(timeout.timeoutType, TimeoutType.HEARTBEAT);
      return true;
    });
  });
});
