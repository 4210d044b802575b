import { Module } from '@nestjs/common';
import { AuditModule } from '@relance/privacy/audit.module';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { SignupsModule } from '../signups/signups.module';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { TeamAccess } from './team-access';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** The people of an account: its users and the invitations that bring new ones in. */
@Module({
  imports: [AuditModule, RateLimitsModule, SignupsModule],
  controllers: [UsersController, InvitationsController],
  providers: [TeamAccess, UsersService, InvitationsService],
  exports: [TeamAccess],
})
export class UsersModule {}
