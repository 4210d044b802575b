import type { NonPersonalColumn } from './types';

/**
 * The subprocessor registry describes companies Relance works with, as the public list shows
 * them: it is about no data subject. Its subscriptions and sent notices hold ids only (no
 * text column): they go with their user or account through their foreign keys and the purge
 * plan, and the address a notice goes to is read from users when it is sent, never copied.
 */
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
