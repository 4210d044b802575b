import { ACCOUNT_TABLES } from './accounts.registry';
import { BILLING_NOT_PERSONAL } from './billing.registry';
import { API_TABLES } from './api.registry';
import { ENRICHMENT_NOT_PERSONAL, ENRICHMENT_TABLES } from './enrichment.registry';
import { IMPORT_NOT_PERSONAL, IMPORT_TABLES } from './imports.registry';
import { NOT_PERSONAL as BASE_NOT_PERSONAL } from './not-personal';
import { PRIVACY_REQUEST_TABLES } from './privacy-requests.registry';
import { PROSPECT_TABLES } from './prospects.registry';
import { RETENTION_NOT_PERSONAL, RETENTION_TABLES } from './retention.registry';
import { STAFF_TABLES } from './staff.registry';
import { SUBPROCESSOR_NOT_PERSONAL, SUBPROCESSOR_TABLES } from './subprocessors.registry';
import { SUPPRESSION_TABLES } from './suppression.registry';
import type { NonPersonalColumn, PersonalTable } from './types';
import { WEBHOOK_NOT_PERSONAL, WEBHOOK_TABLES } from './webhooks.registry';

/**
 * Every table holding personal data, children before parents (the order erasure walks). A new
 * table or text-like column joins here or in NOT_PERSONAL: registry.int-spec fails until it does.
 */
export const PERSONAL_DATA: readonly PersonalTable[] = [
  ...API_TABLES, ...WEBHOOK_TABLES, ...SUPPRESSION_TABLES, ...ENRICHMENT_TABLES, ...IMPORT_TABLES, ...PROSPECT_TABLES, ...RETENTION_TABLES, ...SUBPROCESSOR_TABLES, ...ACCOUNT_TABLES, ...STAFF_TABLES, ...PRIVACY_REQUEST_TABLES,
];

/** Text-like columns that name nobody, each with why. */
export const NOT_PERSONAL: readonly NonPersonalColumn[] = [
  ...BASE_NOT_PERSONAL, ...RETENTION_NOT_PERSONAL, ...SUBPROCESSOR_NOT_PERSONAL, ...ENRICHMENT_NOT_PERSONAL, ...IMPORT_NOT_PERSONAL, ...BILLING_NOT_PERSONAL,
  ...WEBHOOK_NOT_PERSONAL,
];
export type { NonPersonalColumn, PersonalTable };
export * from './types';

/** The registry's entry for `table`; throws for a table it does not know. */
export function personalTable(table: string): PersonalTable {
  const found = PERSONAL_DATA.find((entry) => entry.table === table);
  if (!found) throw new Error(`table ${table} is not in the personal-data registry`);
  return found;
}
