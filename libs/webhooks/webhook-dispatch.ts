import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import {
  TASK_QUEUES, WEBHOOK_DELIVERY_WORKFLOW, webhookDeliveryWorkflowId, type WebhookDeliveryInput,
} from '@relance/temporal/contracts';

/** Starts delivery workflows: one per delivery, its id the delivery's, never started twice. */
@Injectable()
export class WebhookDispatch {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Client) private readonly client: Client,
  ) {}

  /**
   * Starts each delivery's workflow. One already running is left alone; `again` lets a delivery
   * whose workflow has closed run once more (a manual retry).
   */
  async start(deliveryIds: readonly string[], again = false): Promise<void> {
    const { webhooks } = this.config;
    for (const deliveryId of deliveryIds) {
      const input: WebhookDeliveryInput = {
        deliveryId,
        retry: {
          attemptTimeoutMs: webhooks.attemptTimeoutMs,
          initialIntervalMs: webhooks.retryInitialMs,
          maximumIntervalMs: webhooks.retryMaxIntervalMs,
          retryForMs: webhooks.retryForMs,
        },
      };
      try {
        await this.client.connection.withDeadline(Date.now() + this.config.temporal.rpcTimeoutMs, () =>
          this.client.workflow.start(WEBHOOK_DELIVERY_WORKFLOW, {
            workflowId: webhookDeliveryWorkflowId(deliveryId),
            taskQueue: TASK_QUEUES.webhooks,
            args: [input],
            workflowIdReusePolicy: again ? 'ALLOW_DUPLICATE' : 'REJECT_DUPLICATE',
            workflowIdConflictPolicy: 'FAIL',
          }));
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    }
  }
}
