import type { PersonalTable } from './types';

/**
 * Relance's own staff: who they are. Their rows are kept when a staff member leaves (the audit
 * trail names them by id), so erasure replaces the address by its keyed hash and drops the name.
 * Staff are not data subjects of a customer account: no prospect, user or account lookup reaches
 * them, and their requests go through an admin.
 */
export const STAFF_TABLES: PersonalTable[] = [
  {
    table: 'staff_users',
    purpose: 'Who may sign in to the staff routes and console, with which role.',
    columns: [
      { column: 'email', kind: 'email', erasure: 'keyed_hash' },
      { column: 'display_name', kind: 'name', erasure: 'null' },
    ],
    lookups: [],
    erasure: 'erase_columns',
  },
];
