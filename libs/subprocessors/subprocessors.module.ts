import { Module } from '@nestjs/common';
import { SystemMailer } from '@relance/privacy/requests/system-mailer';
import { NoticeSubscriptionRepository } from './notice-subscription.repository';
import { SubprocessorNotices } from './subprocessor-notices.service';
import { SubprocessorRepository } from './subprocessor.repository';

/** The subprocessor registry, for the API (staff changes, subscriptions, the public list) and the worker (notices). */
@Module({
  providers: [SubprocessorRepository, NoticeSubscriptionRepository, SubprocessorNotices, SystemMailer],
  exports: [SubprocessorRepository, NoticeSubscriptionRepository, SubprocessorNotices],
})
export class SubprocessorsModule {}
