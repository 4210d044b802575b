import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A task whose sequence ended for any other reason than the rep closing it (a reply, a bounce,
 * an unsubscribe, a stop, a failure) is 'cancelled', with the reason: it leaves the rep's open
 * list and can no longer be done or skipped.
 *
 * Enrollments end in many statements (replies, bounces, unsubscribes, stops, the workflow's own
 * finish), so the tasks are closed by a trigger on the enrollment's status: in the same
 * transaction as the change, whichever statement makes it, now and later. The reason is the
 * enrollment's stop reason ('unsubscribed', 'hard_bounce', 'stopped_by_user'…), 'failed' for a
 * failed one, else its new status.
 */
export class CancelledTasks1764299000000 implements MigrationInterface {
  name = 'CancelledTasks1764299000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tasks" ADD "cancel_reason" text`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "ck_tasks_status"`);
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "ck_tasks_status" CHECK ("status" IN ('open', 'done', 'skipped', 'cancelled'))`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "cancel_tasks_of_ended_enrollment"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE tasks SET status = 'cancelled', completed_at = now(),
          cancel_reason = CASE WHEN NEW.status = 'failed' THEN 'failed' ELSE coalesce(NEW.stop_reason, NEW.status) END
        WHERE enrollment_id = NEW.id AND status = 'open';
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "trg_enrollments_cancel_tasks" AFTER UPDATE OF "status" ON "enrollments"
      FOR EACH ROW WHEN (NEW.status NOT IN ('active', 'paused') AND OLD.status IS DISTINCT FROM NEW.status)
      EXECUTE FUNCTION "cancel_tasks_of_ended_enrollment"()`);
    // Tasks left open by enrollments that ended before this migration.
    await queryRunner.query(`
      UPDATE tasks t SET status = 'cancelled', completed_at = now(),
        cancel_reason = CASE WHEN e.status = 'failed' THEN 'failed' ELSE coalesce(e.stop_reason, e.status) END
      FROM enrollments e
      WHERE e.id = t.enrollment_id AND t.status = 'open' AND e.status NOT IN ('active', 'paused')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_enrollments_cancel_tasks" ON "enrollments"`);
    await queryRunner.query(`DROP FUNCTION "cancel_tasks_of_ended_enrollment"()`);
    // Before this migration such tasks stayed open.
    await queryRunner.query(`UPDATE "tasks" SET "status" = 'open', "completed_at" = NULL WHERE "status" = 'cancelled'`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "ck_tasks_status"`);
    await queryRunner.query(`ALTER TABLE "tasks" ADD CONSTRAINT "ck_tasks_status" CHECK ("status" IN ('open', 'done', 'skipped'))`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP COLUMN "cancel_reason"`);
  }
}
