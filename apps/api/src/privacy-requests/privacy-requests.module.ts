import { Module } from '@nestjs/common';
import { PrivacyRequestStaffActions, PrivacyRequestsModule as PrivacyRequestsLibModule, PrivacyRequestWorkflows } from '@relance/privacy/requests';
import { PrivacyRequestIntake } from './privacy-request-intake.service';
import { PrivacyRequestsController } from './privacy-requests.controller';
import { ProspectPrivacyRequestsController } from './prospect-privacy-requests.controller';
import { StaffPrivacyRequestsController } from './staff-privacy-requests.controller';

@Module({
  imports: [PrivacyRequestsLibModule],
  controllers: [PrivacyRequestsController, ProspectPrivacyRequestsController, StaffPrivacyRequestsController],
  providers: [PrivacyRequestIntake, PrivacyRequestStaffActions, PrivacyRequestWorkflows],
})
export class PrivacyRequestsApiModule {}
