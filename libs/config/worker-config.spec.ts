import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config';
import { problemsOf, requiredEnv } from './config-spec-env';

describe('WORKER_TASK_QUEUES: the task queues a worker process serves', () => {
  it('unset or empty: every queue (null)', () => {
    assert.equal(loadConfig(requiredEnv()).worker.taskQueues, null);
    assert.equal(loadConfig({ ...requiredEnv(), WORKER_TASK_QUEUES: '' }).worker.taskQueues, null, 'empty is unset');
  });

  it('a comma-separated list, trimmed, each name once', () => {
    const config = loadConfig({ ...requiredEnv(), WORKER_TASK_QUEUES: ' imports, enrichment ,imports' });
    assert.deepEqual(config.worker.taskQueues, ['imports', 'enrichment']);
  });

  it('refuses a list of nothing but commas', () => {
    assert.deepEqual(problemsOf({ WORKER_TASK_QUEUES: ' , ,' }), ['WORKER_TASK_QUEUES must name at least one task queue']);
  });
});
