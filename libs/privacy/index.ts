export { SuppressionCheck, SuppressionService } from './suppression';
export { SuppressionModule } from './suppression.module';
export { domainAndParents, emailDomain, hashEmail, normaliseDomain, normaliseEmail, suppressionKeysFor } from './suppression-keys';
