import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseStaffCommand, StaffUsageError } from './staff-command';

const refused = (argv: string[], message: RegExp) =>
  assert.throws(() => parseStaffCommand(argv), (error: unknown) => error instanceof StaffUsageError && message.test(error.message));

describe('npm run staff arguments', () => {
  it('reads create with a normalised address and a trimmed name', () => {
    assert.deepEqual(parseStaffCommand(['create', '--email', ' Ada@Example.COM ', '--name', ' Ada L. ', '--role', 'support']), {
      kind: 'create', email: 'ada@example.com', name: 'Ada L.', role: 'support',
    });
  });

  it('reads list, disable, token and revoke-token', () => {
    assert.deepEqual(parseStaffCommand(['list']), { kind: 'list' });
    assert.deepEqual(parseStaffCommand(['disable', '--email=bo@example.com']), { kind: 'disable', email: 'bo@example.com' });
    assert.deepEqual(parseStaffCommand(['token', '--email', 'bo@example.com']), { kind: 'token', email: 'bo@example.com' });
    const id = '0b9c3c1e-6a53-4c63-9f0e-2f1d3a6b7c8d';
    assert.deepEqual(parseStaffCommand(['revoke-token', '--id', id.toUpperCase()]), { kind: 'revoke-token', tokenId: id });
  });

  it('names the problem: no command, an unknown one, a missing or bad option', () => {
    refused([], /a command is required/);
    refused(['promote'], /unknown command "promote"/);
    refused(['create', '--name', 'A', '--role', 'admin'], /--email is required/);
    refused(['create', '--email', 'not-an-address', '--name', 'A', '--role', 'admin'], /--email must be an email address/);
    refused(['create', '--email', 'a@example.com', '--role', 'admin'], /--name is required/);
    refused(['create', '--email', 'a@example.com', '--name', 'A'], /--role is required \(support, operator, admin\)/);
    refused(['create', '--email', 'a@example.com', '--name', 'A', '--role', 'root'], /--role must be one of support, operator, admin, not "root"/);
    refused(['list', '--email', 'a@example.com'], /list does not take --email/);
    refused(['token', '--colour', 'red'], /Unknown option '--colour'/);
    refused(['revoke-token', '--id', '42'], /--id must be a token id/);
    refused(['list', 'extra'], /unexpected argument "extra"/);
  });

  it('reads create-admin with its address as argument, set-password and unlock', () => {
    assert.deepEqual(parseStaffCommand(['create-admin', 'Root@Example.com']), {
      kind: 'create-admin', email: 'root@example.com', name: 'Admin', passwordFromStdin: false,
    });
    assert.deepEqual(parseStaffCommand(['create-admin', 'r@example.com', '--name', 'Rita', '--password-stdin']), {
      kind: 'create-admin', email: 'r@example.com', name: 'Rita', passwordFromStdin: true,
    });
    assert.deepEqual(parseStaffCommand(['set-password', '--email', 'r@example.com']), { kind: 'set-password', email: 'r@example.com', passwordFromStdin: false });
    assert.deepEqual(parseStaffCommand(['unlock', '--email', 'r@example.com']), { kind: 'unlock', email: 'r@example.com' });
    refused(['create-admin'], /create-admin needs the admin's address/);
    refused(['create-admin', 'nope'], /the address must be an email address, not "nope"/);
    refused(['create-admin', 'a@example.com', 'b@example.com'], /unexpected argument "b@example.com"/);
    refused(['create-admin', 'a@example.com', '--role', 'support'], /create-admin does not take --role/);
    refused(['unlock'], /--email is required/);
  });

  it('asks for help', () => {
    assert.deepEqual(parseStaffCommand(['--help']), { kind: 'help' });
    assert.deepEqual(parseStaffCommand(['help']), { kind: 'help' });
  });
});
