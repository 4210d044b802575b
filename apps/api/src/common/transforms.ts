import { Transform } from 'class-transformer';
import { canonicalTimeZone } from './validators/time-zone';

/** Email addresses are stored trimmed and lower-cased, so one person is one row. */
export const NormaliseEmail = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** "europe/paris" is stored as "Europe/Paris"; unknown zones are left for the validator to refuse. */
export const CanonicalTimeZone = () => Transform(({ value }) => canonicalTimeZone(value) ?? value);
