import { MigrationInterface, QueryRunner } from 'typeorm';
import { classifyBounce } from '@relance/mail/classification/bounce-classifier';
import { createLogger } from '@relance/observability';
import { AuditRepository } from '../repositories/audit.repository';
import { reclassifyStoredBounces } from '../repositories/bounce-reclassification';

/**
 * Stored bounces keep their meaning under the reason rules: each is read again by the classifier
 * (its status and diagnostic), takes its reason and refined status, and the suppressions the old
 * first-digit rule added for reasons that do not suppress are lifted, each recorded in the audit
 * trail (see reclassifyStoredBounces). How many rows it read, changed and lifted is logged.
 * Not reverted: a lifted suppression is not put back (the audit trail names each one).
 */
export class ReclassifyBounces1764305600000 implements MigrationInterface {
  name = 'ReclassifyBounces1764305600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const audit = new AuditRepository(queryRunner.connection);
    const counts = await reclassifyStoredBounces(queryRunner.manager, classifyBounce, (entry, manager) => audit.append(entry, manager));
    createLogger({ level: 'info', service: 'migrate' }).info(
      { migration: this.name, ...counts },
      `re-read ${counts.reread} stored bounce(s): ${counts.changed} changed, ${counts.lifted} suppression(s) lifted, ` +
        `${counts.restored} prospect(s) active again`,
    );
  }

  public async down(): Promise<void> {
    // The reasons stay (the previous code ignores them); lifted suppressions stay lifted.
  }
}
