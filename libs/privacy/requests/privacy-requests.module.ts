import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { AuditModule } from '../audit.module';
import { ErasureModule } from '../erasure/erasure.module';
import { CertificateSigner } from './privacy-certificate';
import { PrivacyRequestExecutor } from './privacy-request-executor';
import { PrivacyRequestLifecycle } from './privacy-request-lifecycle';
import { PrivacyRequestRepository } from './privacy-request.repository';
import { SubjectRowsRepository } from './subject-rows.repository';
import { SystemMailer } from './system-mailer';

/** Privacy requests' services, for the API (intake, staff actions) and the worker (lifecycle, execution). */
@Module({
  imports: [AuditModule, ErasureModule],
  providers: [
    PrivacyRequestRepository, SubjectRowsRepository, SystemMailer, PrivacyRequestExecutor, PrivacyRequestLifecycle,
    { provide: CertificateSigner, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new CertificateSigner(config.privacy.certificateKeys) },
  ],
  exports: [PrivacyRequestRepository, SubjectRowsRepository, SystemMailer, PrivacyRequestExecutor, PrivacyRequestLifecycle, CertificateSigner, AuditModule],
})
export class PrivacyRequestsModule {}
