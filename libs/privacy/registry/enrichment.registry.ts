import type { NonPersonalColumn, PersonalTable } from './types';

/**
 * Verification and enrichment: what the providers said of a prospect (found by the prospect,
 * gone with them), and the account's provider keys, sealed in the vault (gone with the account).
 */
export const ENRICHMENT_TABLES: PersonalTable[] = [
  {
    table: 'enrichment_results',
    purpose: 'What an email verifier or enrichment provider said of a prospect, with the provider and the date.',
    columns: [
      { column: 'details', kind: 'free_text', note: 'jsonb: the provider\'s answer (position, company, country, MX host)' },
      { column: 'verdict', kind: 'free_text', note: 'the provider\'s verdict on the person\'s address (valid, invalid…)' },
    ],
    lookups: [{ subject: 'prospect', column: 'prospect_id' }, { subject: 'account', column: 'account_id' }],
    erasure: 'delete_row',
  },
  {
    table: 'enrichment_provider_keys',
    database: 'vault',
    rowKey: 'account_id',
    purpose: 'The account\'s API keys for Hunter, BriteVerify or ZeroBounce, sealed.',
    columns: [
      { column: 'ciphertext', kind: 'credential', note: 'bytea, AES-256-GCM' },
      { column: 'wrapped_key', kind: 'credential', note: 'bytea: the data key, wrapped by the master key' },
    ],
    lookups: [{ subject: 'account', column: 'account_id' }],
    erasure: 'delete_row',
  },
];

const by = (table: string, reason: string, ...columns: string[]): NonPersonalColumn[] =>
  columns.map((column) => ({ table, column, reason }));

export const ENRICHMENT_NOT_PERSONAL: NonPersonalColumn[] = [
  ...by('enrichment_jobs', 'what was asked and how it went: a kind, a provider name, a status', 'kind', 'provider', 'status'),
  ...by('enrichment_jobs', 'prospect ids (uuids), not the people\'s data', 'prospect_ids'),
  ...by('enrichment_results', 'a kind, a provider name, an outcome, a code of ours', 'kind', 'provider', 'outcome', 'error_code'),
  ...by('enrichment_results', 'names of prospect columns (position, company…), not their values', 'filled_fields'),
  ...by('enrichment_rate_buckets', '<provider>:<account id>', 'bucket'),
  ...by('enrichment_provider_keys', 'a provider name', 'provider'),
  ...by('enrichment_provider_keys', 'which master key wrapped the data key', 'key_id'),
  ...by('enrichment_provider_keys', 'the key\'s last four characters, shown to tell keys apart', 'hint'),
];
