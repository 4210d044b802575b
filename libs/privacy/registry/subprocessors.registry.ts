import type { NonPersonalColumn, PersonalTable } from './types';

/**
 * The subprocessor registry describes companies Relance works with, as the public list shows
 * them: it is about no data subject. Its subscriptions and sent notices hold ids only (the
 * address a notice goes to is read from users when it is sent, never copied), but they say
 * which owner asked for notices and was mailed which: they go with their user or account, found
 * by id, counted by erasure like any other row of that person.
 */
export const SUBPROCESSOR_TABLES: PersonalTable[] = [
  {
    table: 'subprocessor_notice_sends',
    rowKey: 'user_id',
    purpose: 'Which subscribed owner was mailed which subprocessor change notice, so none is mailed twice.',
    columns: [],
    lookups: [
      { subject: 'user', column: 'user_id' },
      { subject: 'account', sql: `t.user_id IN (SELECT id FROM users WHERE account_id = $1)` },
    ],
    erasure: 'delete_row',
  },
  {
    table: 'subprocessor_notice_subscriptions',
    rowKey: 'user_id',
    purpose: 'Which account owners asked to be told of subprocessor changes (GDPR Art. 28(2)).',
    columns: [],
    lookups: [{ subject: 'user', column: 'user_id' }, { subject: 'account', column: 'account_id' }],
    erasure: 'delete_row',
  },
];

const by = (table: string, reason: string, ...columns: string[]): NonPersonalColumn[] =>
  columns.map((column) => ({ table, column, reason }));

const PUBLISHED = 'a company Relance hands data to, as published on the public subprocessor list: names no data subject';

export const SUBPROCESSOR_NOT_PERSONAL: NonPersonalColumn[] = [
  ...by('subprocessors', PUBLISHED,
    'name', 'address', 'processing_scope', 'personal_data_types', 'processing_location', 'transfer_mechanism', 'seed_key'),
  ...by('subprocessors', 'a state from a fixed list (active, retired)', 'status'),
  ...by('subprocessor_changes', 'a kind from a fixed list (added, updated, retired)', 'kind'),
  ...by('subprocessor_changes', 'before and after values of the published fields above: names no data subject', 'changes'),
];
