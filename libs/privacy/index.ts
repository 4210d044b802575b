export { SuppressionCheck, SuppressionService } from './suppression';
export { SuppressionModule } from './suppression.module';
export { domainAndParents, emailDomain, hashEmail, normaliseDomain, normaliseEmail, suppressionKeysFor } from './suppression-keys';
export { AuditTrail } from './audit-trail';
export { AuditModule } from './audit.module';
export type { PrivacySubject } from './subject';
export * from './registry/types';
