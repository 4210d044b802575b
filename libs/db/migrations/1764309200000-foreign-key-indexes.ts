import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes on foreign keys that had none. Deleting a referenced row makes PostgreSQL look for
 * the rows naming it; without an index that is a scan of the whole referencing table, per
 * deleted row: an account's purge deleting its mailboxes and steps scanned every message,
 * enrollment and task of every account, and a rep's erasure scanned every prospect (owner_id).
 */
const INDEXES: [name: string, table: string, definition: string][] = [
  ['ix_messages_mailbox', 'messages', '("mailbox_id")'],
  ['ix_enrollments_mailbox', 'enrollments', '("mailbox_id")'],
  ['ix_tasks_step', 'tasks', '("step_id")'],
  ['ix_campaigns_mailbox', 'campaigns', '("mailbox_id")'],
  ['ix_campaign_mailboxes_mailbox', 'campaign_mailboxes', '("mailbox_id")'],
  // Most prospects have no owner: only those that do are indexed.
  ['ix_prospects_owner', 'prospects', '("owner_id") WHERE "owner_id" IS NOT NULL'],
];

export class ForeignKeyIndexes1764309200000 implements MigrationInterface {
  name = 'ForeignKeyIndexes1764309200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, table, definition] of INDEXES) await queryRunner.query(`CREATE INDEX "${name}" ON "${table}" ${definition}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of [...INDEXES].reverse()) await queryRunner.query(`DROP INDEX "${name}"`);
  }
}
