import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TASK_QUEUES } from '@relance/temporal';
import { servedTaskQueues } from './served-task-queues';

describe('servedTaskQueues (WORKER_TASK_QUEUES)', () => {
  it('serves every queue when none is named', () => {
    assert.deepEqual(servedTaskQueues(null), Object.values(TASK_QUEUES));
  });

  it('serves only the named queues, in the order given', () => {
    assert.deepEqual(servedTaskQueues(['imports', 'enrichment']), ['imports', 'enrichment']);
  });

  it('refuses a name that is not a queue of Relance, naming it and the queues there are', () => {
    assert.throws(
      () => servedTaskQueues(['imports', 'import', 'Sequences']),
      /WORKER_TASK_QUEUES names "import", "Sequences", which Relance does not have: its task queues are sequences, mail-sync, privacy, retention, enrichment, imports, webhooks/,
    );
  });
});
