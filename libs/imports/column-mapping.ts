/** The prospect fields a CSV column can fill; anything else becomes a custom field. */
export const PROSPECT_FIELDS = ['email', 'firstName', 'lastName', 'position', 'company', 'country', 'timeZone'] as const;
export type ProspectField = (typeof PROSPECT_FIELDS)[number];

/** What one column of the file becomes: a prospect field, a custom field under `key`, or nothing. */
export type ColumnTarget =
  | { kind: 'field'; field: ProspectField }
  | { kind: 'custom'; key: string }
  | { kind: 'ignore' };

/** One entry per column of the file, in the file's order. */
export type ColumnMapping = ColumnTarget[];

/** Custom-field keys as templates use them (`{{ custom.key }}`): the API's rule for prospects. */
export const CUSTOM_FIELD_KEY = /^[a-zA-Z_][a-zA-Z0-9_]{0,63}$/;
export const MAX_CUSTOM_FIELDS = 50;

/**
 * Header spellings met in English and French exports (HubSpot, Pipedrive, LinkedIn Sales
 * Navigator, Excel by hand), compared once folded: no accents, no case, no spaces or punctuation.
 */
const SYNONYMS: Record<ProspectField, readonly string[]> = {
  email: ['email', 'e-mail', 'mail', 'email address', 'e-mail address', 'courriel', 'adresse e-mail', 'adresse email',
    'adresse mail', 'adresse électronique', 'adresse de courriel', 'work email'],
  firstName: ['first name', 'firstname', 'given name', 'forename', 'prénom', 'prenom'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'nom', 'nom de famille'],
  position: ['position', 'title', 'job title', 'job', 'role', 'poste', 'fonction', 'intitulé de poste', 'titre'],
  company: ['company', 'company name', 'organization', 'organisation', 'account', 'société', 'entreprise',
    'nom de l\'entreprise', 'employeur'],
  country: ['country', 'pays', 'country code', 'code pays'],
  timeZone: ['time zone', 'timezone', 'tz', 'fuseau horaire', 'fuseau'],
};

/** "Fuseau  Horaire", "fuseau_horaire" and "FUSEAU-HORAIRE" are one header. */
export function foldHeader(header: string): string {
  return header.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

const FIELD_BY_FOLDED = new Map<string, ProspectField>(
  PROSPECT_FIELDS.flatMap((field) => SYNONYMS[field].map((name) => [foldHeader(name), field] as const)),
);

/** An identifier a template can use, from any header: "Secteur d'activité" → "secteur_d_activite". */
export function customKeyFor(header: string): string {
  const words = header.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  const key = (/^[0-9]/.test(words) ? `_${words}` : words).slice(0, 64);
  return key === '' ? 'column' : key;
}

/**
 * The mapping Relance proposes: each known header to its field (the first column wins when two
 * mean the same field), every other non-empty header to a custom field with a unique key.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<ProspectField>();
  const keys = new Set<string>();
  return headers.map((header): ColumnTarget => {
    const field = FIELD_BY_FOLDED.get(foldHeader(header));
    if (field && !taken.has(field)) {
      taken.add(field);
      return { kind: 'field', field };
    }
    if (header.trim() === '') return { kind: 'ignore' };
    let key = customKeyFor(header);
    for (let n = 2; keys.has(key); n++) key = `${customKeyFor(header).slice(0, 60)}_${n}`;
    keys.add(key);
    return { kind: 'custom', key };
  });
}

/** Why a mapping the user sent cannot be used for a file with `columns` columns, or null. */
export function mappingProblem(mapping: readonly unknown[], columns: number): string | null {
  if (mapping.length !== columns) return `the mapping has ${mapping.length} entries but the file has ${columns} columns`;
  const fields = new Set<string>();
  const keys = new Set<string>();
  for (const [index, entry] of mapping.entries()) {
    if (typeof entry !== 'object' || entry === null) return `column ${index + 1}: a target is an object with a kind`;
    const target = entry as ColumnTarget;
    if (target.kind === 'field') {
      if (!PROSPECT_FIELDS.includes(target.field)) return `column ${index + 1}: unknown field "${String(target.field)}"`;
      if (fields.has(target.field)) return `column ${index + 1}: field ${target.field} is already mapped to another column`;
      fields.add(target.field);
    } else if (target.kind === 'custom') {
      if (typeof target.key !== 'string' || !CUSTOM_FIELD_KEY.test(target.key)) {
        return `column ${index + 1}: custom key "${target.key.slice(0, 80)}" must start with a letter or _ and hold only letters, digits and _ (64 at most)`;
      }
      if (keys.has(target.key)) return `column ${index + 1}: custom key ${target.key} is used twice`;
      keys.add(target.key);
    } else if (target.kind !== 'ignore') {
      return `column ${index + 1}: a target is a field, a custom key or ignore`;
    }
  }
  if (keys.size > MAX_CUSTOM_FIELDS) return `${keys.size} columns are custom fields; a prospect has at most ${MAX_CUSTOM_FIELDS}: ignore some`;
  return fields.has('email') ? null : 'no column is mapped to email';
}
