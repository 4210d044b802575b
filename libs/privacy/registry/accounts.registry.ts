import type { PersonalTable } from './types';

/** The customers' own people: the workspace, its reps, their keys and mailboxes. Children first. */
export const ACCOUNT_TABLES: PersonalTable[] = [
  {
    table: 'mailbox_secrets',
    // In the vault's own database: its lookups name the main database's mailboxes, so a purge
    // reads the mailbox ids there and removes these rows through MailboxSecretRepository.
    database: 'vault',
    rowKey: 'mailbox_id',
    purpose: 'The sealed password or token Relance logs in to a rep\'s mailbox with.',
    columns: [
      { column: 'ciphertext', kind: 'credential', note: 'bytea, AES-256-GCM' },
      { column: 'wrapped_key', kind: 'credential', note: 'bytea: the data key, wrapped by the master key' },
    ],
    // Not found by user: a mailbox is the account's sending identity (see mailboxes below).
    lookups: [{ subject: 'account', sql: `t.mailbox_id IN (SELECT id FROM mailboxes WHERE account_id = $1)` }],
    erasure: 'delete_row',
  },
  {
    table: 'account_exports',
    purpose: 'An "export all your data" of the account: its archive holds every prospect, message and user of it.',
    columns: [{ column: 'file_path', kind: 'file', note: 'the ZIP under ACCOUNT_EXPORT_DIR: the purge removes the file too' }],
    lookups: [{ subject: 'account', column: 'account_id' }],
    erasure: 'delete_row',
  },
  {
    table: 'mailboxes',
    // The account's, not the rep's: the customer connected it and decides about it, and the
    // messages sent from it (the account's records) name it. A rep's erasure therefore detaches
    // it (user_id is set null with the user's row) and leaves it to the account; it goes with
    // the account's purge.
    purpose: 'A rep\'s sending identity: their address, display name and server logins.',
    columns: [
      { column: 'email', kind: 'email' },
      { column: 'display_name', kind: 'name' },
      { column: 'smtp_username', kind: 'email', note: 'usually the address itself' },
      { column: 'imap_username', kind: 'email', note: 'usually the address itself' },
      { column: 'sync_error', kind: 'free_text', note: 'server answers may quote the login' },
    ],
    lookups: [{ subject: 'account', column: 'account_id' }],
    erasure: 'delete_row',
  },
  {
    table: 'signup_requests',
    purpose: 'A sign-up waiting for its address to be confirmed: who signed up, and the workspace they asked for.',
    columns: [
      { column: 'email', kind: 'email' },
      { column: 'email_hash', kind: 'email_hash', note: 'finds the request when the address is erased' },
      { column: 'name', kind: 'name' },
      { column: 'account_name', kind: 'free_text' },
    ],
    lookups: [
      { subject: 'email_hash', column: 'email_hash' },
      // The owner's confirmed sign-up: the same address in the account it made.
      { subject: 'user', sql: `(t.account_id, t.email) IN (SELECT account_id, email FROM users WHERE id = $1)` },
      { subject: 'account', column: 'account_id' },
    ],
    erasure: 'delete_row',
  },
  {
    table: 'invitations',
    purpose: 'An invitation to join a workspace, mailed to the address an owner (or staff) gave.',
    columns: [{ column: 'email', kind: 'email' }],
    lookups: [{ subject: 'user', column: 'user_id' }, { subject: 'account', column: 'account_id' }],
    erasure: 'delete_row',
  },
  {
    table: 'api_keys',
    purpose: 'Keys a customer\'s programs call the API with, stored hashed.',
    columns: [{ column: 'key_hash', kind: 'credential', note: 'SHA-256 of the key: opens the account' }],
    lookups: [{ subject: 'user', column: 'user_id' }, { subject: 'account', column: 'account_id' }],
    erasure: 'delete_row',
  },
  {
    table: 'users',
    purpose: 'The reps of a customer workspace.',
    columns: [
      { column: 'email', kind: 'email' },
      { column: 'name', kind: 'name' },
    ],
    lookups: [{ subject: 'user', column: 'id' }, { subject: 'account', column: 'account_id' }],
    erasure: 'delete_row',
  },
  {
    table: 'accounts',
    purpose: 'A customer workspace; its name is often a person\'s or a one-person company\'s.',
    columns: [{ column: 'name', kind: 'free_text' }],
    lookups: [{ subject: 'account', column: 'id' }],
    erasure: 'delete_row',
  },
];
