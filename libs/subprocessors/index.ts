export { additionChanges, effectiveDateFor, fieldChanges } from './change-plan';
export { effectiveRegistry, type EffectiveRegistry, type UpcomingChange } from './effective-registry';
export { NoticeSubscriptionRepository } from './notice-subscription.repository';
export { subprocessorNotice } from './notice-mail';
export { FIELD_LABELS, SUBPROCESSOR_FIELDS, type SubprocessorField, type SubprocessorFields } from './subprocessor-fields';
export { SubprocessorNotices } from './subprocessor-notices.service';
export { type ChangeRow, type EntryRow, SubprocessorRepository } from './subprocessor.repository';
export { SubprocessorsModule } from './subprocessors.module';
