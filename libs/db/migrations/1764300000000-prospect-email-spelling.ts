import { MigrationInterface, QueryRunner } from 'typeorm';
import { normaliseEmail } from '@relance/mail/email-address';
import { createLogger } from '@relance/observability';

/** A prospect left with its old spelling because another prospect of the account has the new one. */
export interface SpellingCollision {
  accountId: string;
  prospectId: string;
  /** The prospect that has the address's one spelling. */
  keptProspectId: string;
}

/**
 * Prospect emails take the one spelling the suppression list uses (`normaliseEmail`: trimmed of
 * spaces and zero-width characters, NFC, lower-case, ASCII domain), so "josé@exämple.com" in
 * its two Unicode forms, or with the domain in punycode, is one prospect, not two.
 *
 * Only rows that may change are read (non-ASCII, upper case, spaces). Oldest first, so when
 * several spellings of one address exist the oldest prospect takes the new one. A prospect whose
 * new spelling another prospect of the account already has keeps its old one: nothing is
 * merged or deleted (each may have enrollments and history); the pairs are logged, ids only,
 * for someone to look at. Not reverted: the old spellings are not kept.
 */
export class ProspectEmailSpelling1764300000000 implements MigrationInterface {
  name = 'ProspectEmailSpelling1764300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const collisions = await respellProspectEmails(queryRunner);
    if (collisions.length === 0) return;
    createLogger({ level: 'info', service: 'migrate' }).warn(
      { migration: this.name, collisions },
      `${collisions.length} prospect(s) kept their email's old spelling: another prospect of the account has the new one`,
    );
  }

  public async down(): Promise<void> {
    // The old spellings are gone; the new ones are valid under the previous code too.
  }
}

/** Gives every prospect's email its one spelling where no other prospect of the account has it; returns the others. */
export async function respellProspectEmails(queryRunner: QueryRunner): Promise<SpellingCollision[]> {
  const rows: { id: string; account_id: string; email: string }[] = await queryRunner.query(
    `SELECT id, account_id, email FROM prospects WHERE email ~ '[^ -~]' OR email <> lower(btrim(email)) ORDER BY created_at, id`,
  );
  const collisions: SpellingCollision[] = [];
  for (const row of rows) {
    const spelling = normaliseEmail(row.email);
    if (spelling === row.email) continue;
    const [kept] = await queryRunner.query(`SELECT id FROM prospects WHERE account_id = $1 AND email = $2`, [row.account_id, spelling]);
    if (kept) {
      collisions.push({ accountId: row.account_id, prospectId: row.id, keptProspectId: kept.id });
      continue;
    }
    await queryRunner.query(`UPDATE prospects SET email = $2, updated_at = now() WHERE id = $1`, [row.id, spelling]);
  }
  return collisions;
}
