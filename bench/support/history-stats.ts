import { temporal } from '@temporalio/proto';
import type { TemporalClientHandle } from '@relance/temporal';

const { EventType } = temporal.api.enums.v1;

/** "17 history events, 4 workflow tasks, 3 activities": what one workflow costs the server. */
export async function describeHistory(handle: TemporalClientHandle, workflowId: string): Promise<string> {
  const history = await handle.client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events ?? [];
  const countOf = (type: number) => events.filter((event) => event.eventType === type).length;
  const workflowTasks = countOf(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
  const activities = countOf(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
  const timers = countOf(EventType.EVENT_TYPE_TIMER_STARTED);
  return `${events.length} history events, ${workflowTasks} workflow tasks, ${activities} activities` +
    (timers > 0 ? `, ${timers} timers` : '');
}
