import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/** One workflow run's history as Temporal stores it, nothing decoded. */
export interface RawHistory {
  readonly workflowId: string;
  readonly runId: string;
  readonly workflowType: string;
  /** The history as protobuf JSON: bytes (payload data) appear base64-encoded. */
  readonly json: string;
  /** Every bytes field of the history (payload data, metadata) read as text. */
  readonly bytesAsText: string;
}

/**
 * Every workflow run started at or after `since`, each read through the raw gRPC service:
 * no data converter, no codec, what anyone with access to Temporal's database would see.
 * Continued-as-new runs are separate executions, so each is listed and read.
 */
export async function rawHistoriesSince(client: Client, since: Date): Promise<RawHistory[]> {
  const histories: RawHistory[] = [];
  const query = `StartTime >= "${since.toISOString()}"`;
  for await (const execution of client.workflow.list({ query })) {
    histories.push(await rawHistory(client, execution.workflowId, execution.runId, execution.type));
  }
  return histories;
}

async function rawHistory(client: Client, workflowId: string, runId: string, workflowType: string): Promise<RawHistory> {
  const events: temporal.api.history.v1.IHistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await client.workflowService.getWorkflowExecutionHistory({
      namespace: client.options.namespace,
      execution: { workflowId, runId },
      nextPageToken,
    });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  const history = temporal.api.history.v1.History.fromObject({ events });
  return {
    workflowId,
    runId,
    workflowType,
    json: JSON.stringify(history.toJSON()),
    bytesAsText: bytesOf(history).map((bytes) => Buffer.from(bytes).toString('latin1')).join('\n'),
  };
}

/** Every Uint8Array in a message tree, walked with an explicit stack. */
function bytesOf(root: object): Uint8Array[] {
  const found: Uint8Array[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value instanceof Uint8Array) found.push(value);
    else if (Array.isArray(value)) stack.push(...value);
    else if (value && typeof value === 'object') stack.push(...Object.values(value));
  }
  return found;
}

/** The needles (case-insensitive) found in a history's JSON or in its bytes read as text. */
export function clearTextIn(history: RawHistory, needles: readonly string[]): string[] {
  const json = history.json.toLowerCase();
  const bytes = history.bytesAsText.toLowerCase();
  return needles.filter((needle) => json.includes(needle.toLowerCase()) || bytes.includes(needle.toLowerCase()));
}
