import { Module } from '@nestjs/common';
import { AuditModule } from '@relance/privacy/audit.module';
import { SystemMailer } from '@relance/privacy/requests/system-mailer';
import { CustomerSupportService } from './customer-support.service';
import { SupportConversationRepository } from './support-conversation.repository';
import { SupportDeskService } from './support-desk.service';

/** Support conversations, for the API (customers and staff) and the console. */
@Module({
  imports: [AuditModule],
  providers: [SupportConversationRepository, CustomerSupportService, SupportDeskService, SystemMailer],
  exports: [CustomerSupportService, SupportDeskService],
})
export class SupportModule {}
