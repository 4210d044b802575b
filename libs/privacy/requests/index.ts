export { type CertificateBody, CertificateSigner } from './privacy-certificate';
export { PrivacyRequestExecutor } from './privacy-request-executor';
export { PrivacyRequestLifecycle } from './privacy-request-lifecycle';
export { type NewPrivacyRequest, type PrivacyRequestFilter, PrivacyRequestRepository } from './privacy-request.repository';
export { PrivacyRequestsModule } from './privacy-requests.module';
export { RECTIFIABLE_FIELDS, type RectifiableField, SubjectRowsRepository } from './subject-rows.repository';
export { subjectNotices } from './subject-notices';
export { SystemMailer } from './system-mailer';
