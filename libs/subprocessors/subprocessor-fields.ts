/**
 * What the registry says of each subprocessor, in the order the public list shows it, with the
 * words people read (mail, HTML) beside the names the API and the change log use.
 */
export const SUBPROCESSOR_FIELDS = [
  'name', 'address', 'processingScope', 'personalDataTypes', 'processingLocation', 'transferMechanism',
] as const;
export type SubprocessorField = (typeof SUBPROCESSOR_FIELDS)[number];

export type SubprocessorFields = Record<SubprocessorField, string>;

export const FIELD_LABELS: Record<SubprocessorField | 'status', string> = {
  name: 'Name',
  address: 'Address',
  processingScope: 'Processing scope',
  personalDataTypes: 'Personal data types',
  processingLocation: 'Processing location',
  transferMechanism: 'Transfer mechanism',
  status: 'Status',
};

/** The database column of each field (the seed file's header spells them the same way). */
export const FIELD_COLUMNS: Record<SubprocessorField, string> = {
  name: 'name',
  address: 'address',
  processingScope: 'processing_scope',
  personalDataTypes: 'personal_data_types',
  processingLocation: 'processing_location',
  transferMechanism: 'transfer_mechanism',
};
