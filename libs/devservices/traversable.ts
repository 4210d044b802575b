import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * Fails early and clearly when a folder on the way to `dir` (say /root) is closed to other
 * users, which a service running as another user (PostgreSQL as "postgres", Dovecot's mail
 * processes as "mail") would otherwise report as an obscure permission error much later.
 * `runsAs` names that service and user: 'embedded PostgreSQL runs as the "postgres" user'.
 */
export async function ensureTraversable(dir: string, runsAs: string): Promise<void> {
  for (let current = dirname(resolve(dir)); current !== dirname(current); current = dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `${runsAs}, which cannot enter ${current} (mode ${(mode & 0o777).toString(8)}); ` +
          `choose a data folder outside it or run chmod o+x ${current}`,
      );
    }
  }
}
