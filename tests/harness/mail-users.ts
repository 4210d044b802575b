import { readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import { withUserPassword } from '@relance/devservices/dovecot-config';
import { testEnv } from './env';

/**
 * Gives a user of the runner's Dovecot this password, adding the user when there is none
 * (its mail folder is created at its first login). Dovecot reads its users file again once the
 * file's size or modification time (in whole seconds) changes, at most once a second: the file
 * is replaced whole with a time a second on at least, and a test waits for a login to work.
 */
export async function setMailUserPassword(user: string, password: string): Promise<void> {
  const file = testEnv().imap.usersFile;
  const before = await stat(file);
  const replacement = `${file}.${process.pid}.tmp`;
  await writeFile(replacement, withUserPassword(await readFile(file, 'utf8'), { user, password }), { mode: 0o644 });
  const seconds = Math.max(Math.floor(before.mtimeMs / 1000) + 1, Math.floor(Date.now() / 1000));
  await utimes(replacement, seconds, seconds);
  await rename(replacement, file);
}
