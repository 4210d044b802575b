import { Transform } from 'class-transformer';
import { normaliseEmail } from '@relance/mail/email-address';
import { canonicalTimeZone } from './validators/time-zone';

/**
 * Email addresses are stored in the one spelling the suppression list uses too (trimmed,
 * NFC, lower-case, ASCII domain), so one person is one row.
 */
export const NormaliseEmail = () => Transform(({ value }) => (typeof value === 'string' ? normaliseEmail(value) : value));

/** "europe/paris" is stored as "Europe/Paris"; unknown zones are left for the validator to refuse. */
export const CanonicalTimeZone = () => Transform(({ value }) => canonicalTimeZone(value) ?? value);
