import { WorkflowNotFoundError } from '@temporalio/client';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@relance/config';
import { ProspectRepository } from '@relance/db/repositories/prospect.repository';
import { DomainError } from '@relance/errors';
import type { AuditTrail } from '@relance/privacy/audit-trail';
import { AccountClosureRepository } from '@relance/privacy/accounts/account-closure.repository';
import { ClosureCancel, type ClosureCancelWorkflows, type ClosureView } from '@relance/privacy/accounts/closure-cancel';
import { ErasureRepository } from '@relance/privacy/erasure/erasure.repository';
import { ErasureService } from '@relance/privacy/erasure/erasure.service';
import { type ForgetOutcome, ProspectForget } from '@relance/privacy/erasure/prospect-forget';
import { WorkflowPurge } from '@relance/privacy/erasure/workflow-purge';
import { SupportConversationRepository } from '@relance/support/support-conversation.repository';
import { SupportDeskService } from '@relance/support/support-desk.service';
import {
  accountClosureWorkflowId, CAMPAIGN_CONTROL_WORKFLOW, campaignControlWorkflowId, closureCancelledSignal, TASK_QUEUES,
} from '@relance/temporal/contracts';
import type { ConsoleOutbound } from '../console-outbound';
import { ImportFileErasure, ImportFiles, ImportJobRepository } from '@relance/imports';

/** What support does from the console besides privacy requests, through the services the staff API uses. */
export interface ConsoleSupportServices {
  desk: SupportDeskService;
  closures: AccountClosureRepository;
  /** Who the prospect is, as the agent about to forget them must see it; null when there is no such prospect. */
  describeProspect(prospectId: string): Promise<string | null>;
  /** The customer's forget (erasure, blacklist, workflows purged), the staff member and reason audited. */
  forgetProspect(staffUserId: string, prospectId: string, reason: string): Promise<ForgetOutcome>;
  cancelClosure(staffUserId: string, accountId: string, reason: string): Promise<ClosureView>;
}

/**
 * Wired by hand (the console has no Nest module for them). While Temporal is down a forget still
 * erases (workflows not purged: said in the log, ids only), a closure cancel answers with
 * Temporal's error.
 */
export function consoleSupportServices(
  config: AppConfig, dataSource: DataSource, audit: AuditTrail, outbound: ConsoleOutbound, logger: Logger,
): ConsoleSupportServices {
  const { client, mailer } = outbound;
  const closures = new AccountClosureRepository(dataSource);
  const prospects = new ProspectRepository(dataSource);
  const importFiles = new ImportFileErasure(new ImportJobRepository(dataSource), new ImportFiles(config));
  const erasure = new ErasureService(config, new ErasureRepository(dataSource), audit, importFiles);
  const forgetting = new ProspectForget(erasure, new WorkflowPurge(client), logger);
  const workflows: ClosureCancelWorkflows = {
    signalClosureCancelled: async (accountId) => {
      try {
        await client.workflow.getHandle(accountClosureWorkflowId(accountId)).signal(closureCancelledSignal);
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    },
    startCampaignControl: (campaignId, signal) => client.workflow.start(CAMPAIGN_CONTROL_WORKFLOW, {
      workflowId: campaignControlWorkflowId(campaignId), taskQueue: TASK_QUEUES.sequences, args: [{ campaignId, signal }],
      workflowIdConflictPolicy: 'TERMINATE_EXISTING', workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    }),
  };
  const services: ConsoleSupportServices = {
    desk: new SupportDeskService(new SupportConversationRepository(dataSource), audit, mailer),
    closures,
    describeProspect: async (prospectId) => {
      const prospect = await prospects.findById(prospectId);
      if (!prospect) return null;
      const name = [prospect.firstName, prospect.lastName].filter(Boolean).join(' ');
      return name ? `${name} <${prospect.email}>` : prospect.email;
    },
    forgetProspect: async (staffUserId, prospectId, reason) => {
      const prospect = await prospects.findById(prospectId);
      if (!prospect) throw DomainError.notFound('prospect', prospectId, 'id');
      return forgetting.forget(prospect.accountId, prospectId, { kind: 'staff', id: staffUserId }, reason);
    },
    cancelClosure: (staffUserId, accountId, reason) =>
      new ClosureCancel(closures, audit, workflows).cancel(accountId, { kind: 'staff', id: staffUserId }, reason),
  };
  return services;
}
