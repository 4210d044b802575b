import { ConfigError, loadDatabaseUrl } from '@relance/config';
import { createDataSource } from '@relance/db/data-source';
import { AuditRepository } from '@relance/db/repositories/audit.repository';
import { StaffRepository } from '@relance/db/repositories/staff.repository';
import { AuditTrail } from '@relance/privacy/audit-trail';
import { runStaffCommand, StaffCommandError } from './staff/run-staff-command';
import { parseStaffCommand, STAFF_USAGE, StaffUsageError } from './staff/staff-command';

/** `npm run staff -- <command>`: Relance's own staff members and their tokens, on DATABASE_URL. */
async function main(): Promise<number> {
  let command;
  try {
    command = parseStaffCommand(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof StaffUsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n\n${STAFF_USAGE}`);
    return 2;
  }
  if (command.kind === 'help') {
    process.stdout.write(STAFF_USAGE);
    return 0;
  }
  const dataSource = await createDataSource(loadDatabaseUrl(), { poolSize: 1, applicationName: 'relance-staff' }).initialize();
  try {
    const output = await runStaffCommand(command, {
      staff: new StaffRepository(dataSource),
      audit: new AuditTrail(new AuditRepository(dataSource)),
      readPassword: firstLineOfStdin,
    });
    process.stdout.write(output);
    return 0;
  } catch (error) {
    if (!(error instanceof StaffCommandError)) throw error;
    process.stderr.write(`error: ${error.message}\n`);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

/** `--password-stdin`: the first line piped in (so the password is in no shell history or process list). */
async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0];
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error?.stack ?? error}\n`);
    process.exit(1);
  },
);
