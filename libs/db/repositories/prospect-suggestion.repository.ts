import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ENROLLMENT_WORKFLOW_ID_PREFIX } from '@relance/temporal/contracts/workflow-ids';
import { ProspectSuggestion, type ProspectSuggestionStatus } from '../entities/prospect-suggestion.entity';
import { entityFromRow } from './entity-rows';
import { keysetPage, type Page } from './keyset-page';
import { ALREADY_PROSPECT, SUPPRESSED_ADDRESS } from './referrals';
import { acceptanceRefusal, splitName, type AcceptanceRefusal } from './suggestion-acceptance';

/** What accepting did: the prospect made from the suggestion and, when asked, its enrollment. */
export type AcceptResult =
  | { kind: 'accepted'; suggestion: ProspectSuggestion; prospectId: string; enrollment: { id: string; workflowId: string } | null }
  | { kind: 'refused'; reason: AcceptanceRefusal; suggestion: ProspectSuggestion }
  | { kind: 'not_found' };

/** Colleagues that referrals offered (see recordReferral), and the rep's decisions on them. */
@Injectable()
export class ProspectSuggestionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first, `limit` at a time after `afterId`; null when that cursor is not one of the account's suggestions. */
  listPage(
    accountId: string,
    options: { limit: number; afterId?: string; status?: ProspectSuggestionStatus },
  ): Promise<Page<ProspectSuggestion> | null> {
    return keysetPage(this.dataSource, {
      rows: `SELECT s.* FROM prospect_suggestions s WHERE s.account_id = $1`,
      params: [accountId],
      filter: options.status ? { sql: `status = $2`, params: [options.status] } : undefined,
      key: ['created_at', 'id'],
      descending: true,
      map: entityFromRow(this.dataSource, ProspectSuggestion),
    }, { limit: options.limit, after: options.afterId });
  }

  findForAccount(accountId: string, id: string): Promise<ProspectSuggestion | null> {
    return this.dataSource.getRepository(ProspectSuggestion).findOneBy({ accountId, id });
  }

  /**
   * In one transaction, with the suggestion locked: refuses (see acceptanceRefusal) or creates the
   * prospect (its company copied from the one who left, owned by `ownerId`), enrolls it in the
   * suggestion's campaign when `enroll` (the caller starts its workflow), and marks the suggestion
   * accepted with both ids. The campaign is share-locked as a launch batch does, so a stop either
   * comes first (refused) or ends this enrollment too.
   */
  accept(
    accountId: string,
    id: string,
    options: { enroll: boolean; ownerId: string | null },
    hashEmail: (email: string) => string,
  ): Promise<AcceptResult> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(`SELECT * FROM prospect_suggestions WHERE account_id = $1 AND id = $2 FOR UPDATE`, [accountId, id]);
      if (!row) return { kind: 'not_found' };
      const suggestion = entityFromRow(manager, ProspectSuggestion)(row);
      const [campaign] = await manager.query(`SELECT status FROM campaigns WHERE id = $1 FOR SHARE`, [suggestion.campaignId]);
      const [blocks] = await manager.query(
        `SELECT ${ALREADY_PROSPECT} AS already_prospect, ${SUPPRESSED_ADDRESS} AS suppressed`,
        [accountId, suggestion.email, hashEmail(suggestion.email)],
      );
      const refusal = acceptanceRefusal({
        status: suggestion.status,
        alreadyProspect: blocks.already_prospect,
        suppressed: blocks.suppressed,
        enroll: options.enroll,
        campaignStatus: campaign?.status ?? null,
      });
      if (refusal) return { kind: 'refused', reason: refusal, suggestion };
      const { firstName, lastName } = splitName(suggestion.name);
      const [prospect]: { id: string }[] = await manager.query(
        `INSERT INTO prospects (account_id, owner_id, email, first_name, last_name, company)
         SELECT $1, $2, $3, $4, $5, (SELECT company FROM prospects WHERE id = $6)
         ON CONFLICT (account_id, email) DO NOTHING RETURNING id`,
        [accountId, options.ownerId, suggestion.email, firstName, lastName, suggestion.departedProspectId],
      );
      // Made meanwhile by another request: the same answer as when it was there before.
      if (!prospect) return { kind: 'refused', reason: 'already_prospect', suggestion };
      let enrollment: { id: string; workflowId: string } | null = null;
      if (options.enroll) {
        const [made]: { id: string; workflow_id: string }[] = await manager.query(
          `INSERT INTO enrollments (id, account_id, campaign_id, prospect_id, workflow_id)
           SELECT g.id, $1, $2, $3, $4 || g.id FROM (SELECT gen_random_uuid() AS id) g
           RETURNING id, workflow_id`,
          // The workflow id is spelt by the contracts lib, not here: pass its prefix.
          [accountId, suggestion.campaignId, prospect.id, ENROLLMENT_WORKFLOW_ID_PREFIX],
        );
        enrollment = { id: made.id, workflowId: made.workflow_id };
      }
      const [[accepted]] = await manager.query(
        `UPDATE prospect_suggestions SET status = 'accepted', created_prospect_id = $2, enrollment_id = $3, decided_at = now()
         WHERE id = $1 RETURNING *`,
        [id, prospect.id, enrollment?.id ?? null],
      );
      return { kind: 'accepted', suggestion: entityFromRow(manager, ProspectSuggestion)(accepted), prospectId: prospect.id, enrollment };
    });
  }

  /** Dismisses a pending suggestion; returns it as it now is (dismissed, or as an earlier decision left it), null when not the account's. */
  async dismiss(accountId: string, id: string): Promise<{ suggestion: ProspectSuggestion; changed: boolean } | null> {
    const [rows]: [Record<string, unknown>[], number] = await this.dataSource.query(
      `UPDATE prospect_suggestions SET status = 'dismissed', decided_at = now()
       WHERE account_id = $1 AND id = $2 AND status = 'pending' RETURNING *`,
      [accountId, id],
    );
    if (rows.length > 0) return { suggestion: entityFromRow(this.dataSource, ProspectSuggestion)(rows[0]), changed: true };
    const current = await this.findForAccount(accountId, id);
    return current ? { suggestion: current, changed: false } : null;
  }
}
