import type { DataSource } from 'typeorm';

/** Rows copied per round trip: credentials are few (one per mailbox), but never all in memory at once. */
const BATCH = 500;

/**
 * Moves sealed credentials left in the main database's mailbox_secrets (before the vault had its
 * own database) into the vault: copies a batch (an upsert, so a move cut short and run again
 * copies the same rows harmlessly), then deletes exactly those rows here. A copy always commits
 * before its delete, so a crash between the two leaves a row in both places, never in neither.
 * Returns how many rows moved; 0 when the table is gone already.
 */
export async function moveSecretsToVault(main: DataSource, vault: DataSource): Promise<number> {
  const [{ present }] = await main.query(`SELECT to_regclass('public.mailbox_secrets') IS NOT NULL AS present`);
  if (!present) return 0;
  let moved = 0;
  for (;;) {
    const rows: { mailbox_id: string; key_id: string; wrapped_key: Buffer; ciphertext: Buffer; created_at: Date; updated_at: Date }[] =
      await main.query(
        `SELECT mailbox_id, key_id, wrapped_key, ciphertext, created_at, updated_at FROM mailbox_secrets ORDER BY mailbox_id LIMIT $1`,
        [BATCH],
      );
    if (rows.length === 0) return moved;
    await vault.transaction(async (manager) => {
      for (const row of rows) {
        await manager.query(
          `INSERT INTO mailbox_secrets (mailbox_id, key_id, wrapped_key, ciphertext, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (mailbox_id) DO UPDATE SET key_id = EXCLUDED.key_id, wrapped_key = EXCLUDED.wrapped_key,
             ciphertext = EXCLUDED.ciphertext, updated_at = EXCLUDED.updated_at`,
          [row.mailbox_id, row.key_id, row.wrapped_key, row.ciphertext, row.created_at, row.updated_at],
        );
      }
    });
    await main.query(`DELETE FROM mailbox_secrets WHERE mailbox_id = ANY($1::uuid[])`, [rows.map((row) => row.mailbox_id)]);
    moved += rows.length;
  }
}
