import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Campaign, StoredSendingWindow } from '../entities/campaign.entity';
import { CampaignMailbox } from '../entities/campaign-mailbox.entity';
import { ConditionKind, Step, StepKind, StepTarget, StepVariant, WaitUnit } from '../entities/step.entity';

/** One step as the API describes it; positions come from the order of the list. */
export interface NewStep {
  kind: StepKind;
  subject?: string | null;
  body?: string | null;
  newThread?: boolean;
  waitAmount?: number | null;
  waitUnit?: WaitUnit | null;
  sendingDaysOnly?: boolean;
  variants?: StepVariant[] | null;
  conditionKind?: ConditionKind | null;
  conditionSincePosition?: number | null;
  conditionThen?: StepTarget | null;
  conditionElse?: StepTarget | null;
  taskTitle?: string | null;
  taskInstructions?: string | null;
}

export type CampaignWithSteps = Campaign & { steps: Step[] };

@Injectable()
export class CampaignRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The campaign and all its steps, or nothing: one transaction. */
  async createWithSteps(
    campaign: {
      accountId: string;
      name: string;
      mailboxId: string;
      /** Mailboxes to rotate across besides `mailboxId`. */
      extraMailboxIds?: string[];
      timeZone?: string;
      sendingWindow?: StoredSendingWindow | null;
      trackingEnabled?: boolean;
      trackingDomain?: string | null;
      bounceRateLimit?: number;
      bounceRateMinSends?: number;
      stopOnCompanyReply?: boolean;
    },
    steps: NewStep[],
  ): Promise<CampaignWithSteps> {
    return this.dataSource.transaction(async (manager) => {
      const { extraMailboxIds, ...fields } = campaign;
      const saved = await manager.getRepository(Campaign).save(manager.getRepository(Campaign).create(fields));
      const pool = [...new Set([campaign.mailboxId, ...(extraMailboxIds ?? [])])];
      await manager.getRepository(CampaignMailbox).insert(pool.map((mailboxId) => ({ campaignId: saved.id, mailboxId })));
      const rows = steps.map((step, position) =>
        manager.getRepository(Step).create({
          campaignId: saved.id,
          position,
          kind: step.kind,
          subject: step.subject ?? null,
          body: step.body ?? null,
          newThread: step.newThread ?? false,
          waitAmount: step.waitAmount ?? null,
          waitUnit: step.waitUnit ?? null,
          sendingDaysOnly: step.sendingDaysOnly ?? false,
          variants: step.variants ?? null,
          conditionKind: step.conditionKind ?? null,
          conditionSincePosition: step.conditionSincePosition ?? null,
          conditionThen: step.conditionThen ?? null,
          conditionElse: step.conditionElse ?? null,
          taskTitle: step.taskTitle ?? null,
          taskInstructions: step.taskInstructions ?? null,
        }),
      );
      const savedSteps = await manager.getRepository(Step).save(rows);
      return Object.assign(saved, { steps: savedSteps });
    });
  }

  findForAccount(accountId: string, id: string): Promise<Campaign | null> {
    return this.dataSource.getRepository(Campaign).findOneBy({ accountId, id });
  }

  async findForAccountWithSteps(accountId: string, id: string): Promise<CampaignWithSteps | null> {
    return this.withSteps(
      await this.dataSource.getRepository(Campaign).findOne({
        where: { accountId, id },
        relations: { steps: true },
        order: { steps: { position: 'ASC' } },
      }),
    );
  }

  listForAccount(accountId: string): Promise<Campaign[]> {
    return this.dataSource.getRepository(Campaign).find({ where: { accountId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** draft → launching; a campaign already launching or running keeps its status. */
  async markLaunching(accountId: string, id: string): Promise<void> {
    await this.dataSource.getRepository(Campaign).update({ accountId, id, status: 'draft' }, { status: 'launching' });
  }

  private withSteps(campaign: Campaign | null): CampaignWithSteps | null {
    if (!campaign) return null;
    return Object.assign(campaign, { steps: campaign.steps ?? [] });
  }
}
