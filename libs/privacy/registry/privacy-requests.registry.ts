import type { PersonalTable } from './types';

/**
 * Data-subject requests. Their personal columns live only while the request is open: the
 * request's workflow nulls them when it closes (completed, expired or rejected), which is
 * why no prospect or user lookup reaches them (an erasure must still mail its certificate to
 * the contact address afterwards). The keyed hash stays, like on the suppression list, so a
 * request can be found again by the address that filed it.
 */
export const PRIVACY_REQUEST_TABLES: PersonalTable[] = [
  {
    table: 'privacy_requests',
    purpose: 'Requests from data subjects (access, erasure, rectification, restriction) until they are answered.',
    columns: [
      { column: 'email_hash', kind: 'email_hash', erasure: 'keep' },
      { column: 'contact_email', kind: 'email', erasure: 'null' },
      { column: 'message', kind: 'free_text', erasure: 'null' },
      { column: 'fields', kind: 'free_text', erasure: 'null', note: 'jsonb: new values of the fields to rectify' },
      { column: 'verification_reason', kind: 'free_text', erasure: 'null', note: 'staff-written: may name the person' },
      { column: 'extension_reason', kind: 'free_text', erasure: 'null', note: 'staff-written: may name the person' },
      { column: 'export_data', kind: 'file', erasure: 'null', note: 'jsonb: the access export itself' },
    ],
    lookups: [{ subject: 'email_hash', column: 'email_hash' }],
    erasure: 'erase_columns',
  },
];
