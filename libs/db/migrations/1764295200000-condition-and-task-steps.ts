import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two more kinds of step:
 * - condition: branches on what the prospect did (opened, clicked, replied, not replied) since an
 *   earlier email step (by position); `then` / `else` name a later position, 'next' or (else
 *   only) 'end', stored as written. Checked here as well as by the API.
 * - task: asks the rep to do something by hand; each enrollment that reaches it gets a `tasks`
 *   row (one per enrollment and step) and its sequence waits until the row is done or skipped.
 */
export class ConditionAndTaskSteps1764295200000 implements MigrationInterface {
  name = 'ConditionAndTaskSteps1764295200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "steps" ADD "condition_kind" text`);
    await queryRunner.query(`ALTER TABLE "steps" ADD "condition_since_position" integer`);
    await queryRunner.query(`ALTER TABLE "steps" ADD "condition_then" text`);
    await queryRunner.query(`ALTER TABLE "steps" ADD "condition_else" text`);
    await queryRunner.query(`ALTER TABLE "steps" ADD "task_title" text`);
    await queryRunner.query(`ALTER TABLE "steps" ADD "task_instructions" text`);
    await queryRunner.query(
      `ALTER TABLE "steps" ADD CONSTRAINT "ck_steps_condition_kind" CHECK ("condition_kind" IN ('opened', 'clicked', 'replied', 'not_replied'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "steps" ADD CONSTRAINT "ck_steps_condition_targets" CHECK ("condition_then" ~ '^(next|[0-9]+)$' AND "condition_else" ~ '^(next|end|[0-9]+)$')`,
    );
    await queryRunner.query(`
      CREATE TABLE "tasks" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "enrollment_id" uuid NOT NULL,
        "step_id" uuid NOT NULL,
        "title" text NOT NULL,
        "instructions" text,
        "status" text NOT NULL DEFAULT 'open',
        "due_at" TIMESTAMP WITH TIME ZONE,
        "completed_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_tasks_status" CHECK ("status" IN ('open', 'done', 'skipped')),
        CONSTRAINT "pk_tasks" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_tasks_enrollment_step" ON "tasks" ("enrollment_id", "step_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_tasks_account_status_created" ON "tasks" ("account_id", "status", "created_at", "id")`,
    );
    await queryRunner.query(`ALTER TABLE "tasks" ADD CONSTRAINT "fk_tasks_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tasks" ADD CONSTRAINT "fk_tasks_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tasks" ADD CONSTRAINT "fk_tasks_step" FOREIGN KEY ("step_id") REFERENCES "steps"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "tasks"`);
    await queryRunner.query(`ALTER TABLE "steps" DROP CONSTRAINT "ck_steps_condition_targets"`);
    await queryRunner.query(`ALTER TABLE "steps" DROP CONSTRAINT "ck_steps_condition_kind"`);
    await queryRunner.query(`ALTER TABLE "steps" DROP COLUMN "task_instructions"`);
    await queryRunner.query(`ALTER TABLE "steps" DROP COLUMN "task_title"`);
    await queryRunner.query(`ALTER TABLE "steps" DROP COLUMN "condition_else"`);
    await queryRunner.query(`ALTER TABLE "steps" DROP COLUMN "condition_then"`);
    await queryRunner.query(`ALTER TABLE "steps" DROP COLUMN "condition_since_position"`);
    await queryRunner.query(`ALTER TABLE "steps" DROP COLUMN "condition_kind"`);
  }
}
