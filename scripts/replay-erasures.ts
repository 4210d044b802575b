import { parseArgs } from 'node:util';
import { ConfigError, loadDatabaseUrl } from '@relance/config';
import { createDataSource } from '@relance/db';
import { replayErasures } from '@relance/privacy/erasure/ledger-replay';

const USAGE = `usage: npm run privacy:replay-erasures [-- --ledger-url <postgres url>]

Re-applies every erasure of the ledger to DATABASE_URL, oldest first, after a restore from a
backup: the erased people's rows are erased again and their keyed hashes put back on the
suppression list. --ledger-url reads the ledger from another database (the one that kept it
when the restored database lost it); by default, DATABASE_URL's own. Safe to run again.`;

/** `npm run privacy:replay-erasures`: prints what each ledger entry erased again (ids and counts only). */
async function main() {
  const { values } = parseArgs({ options: { 'ledger-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const targetUrl = loadDatabaseUrl();
  const target = await createDataSource(targetUrl, { poolSize: 1, applicationName: 'relance-replay-erasures' }).initialize();
  const ledger = values['ledger-url']
    ? await createDataSource(values['ledger-url'], { poolSize: 1, applicationName: 'relance-replay-erasures' }).initialize()
    : target;
  try {
    const replayed = await replayErasures(ledger, target);
    for (const entry of replayed) {
      const rows = Object.entries(entry.rows).map(([table, n]) => `${table}=${n}`).join(' ') || 'nothing left to erase';
      const notes = [entry.resuppressed && 'suppression restored', entry.copied && 'ledger entry copied'].filter(Boolean).join(', ');
      process.stdout.write(`${entry.erasedAt.toISOString()} request ${entry.requestId}: ${rows}${notes ? ` (${notes})` : ''}\n`);
    }
    const total = replayed.reduce((sum, e) => sum + Object.values(e.rows).reduce((a, b) => a + b, 0), 0);
    process.stdout.write(`${replayed.length} ledger entr${replayed.length === 1 ? 'y' : 'ies'} replayed, ${total} row(s) erased again\n`);
  } finally {
    if (ledger !== target) await ledger.destroy();
    await target.destroy();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error?.stack ?? error}\n`);
  process.exit(1);
});
