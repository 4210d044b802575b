import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffRoles } from '../auth/staff-roles.decorator';
import type { StaffContext } from '../common/api-request';
import { ApiErrors } from '../common/api-errors.decorator';
import { CreateStaffAccountDto, StaffCreatedAccountDto } from './dto/signup.dto';
import { StaffAccountsService } from './staff-accounts.service';

@ApiTags('staff')
@ApiErrors(401, 403)
@Controller('v1/staff/accounts')
export class StaffAccountsController {
  constructor(@Inject(StaffAccountsService) private readonly accounts: StaffAccountsService) {}

  @Post()
  @HttpCode(201)
  @StaffRoles('support', 'admin')
  @ApiOperation({
    summary: 'Open an account for a customer (support, admin; recorded in the audit trail)',
    description: 'Creates the account and its owner, and mails the owner an invitation that gives them their first API key.',
  })
  @ApiCreatedResponse({
    type: StaffCreatedAccountDto,
    example: {
      accountId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', ownerId: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
      invitationId: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', invitationExpiresAt: '2026-12-14T09:30:00.000Z',
    },
  })
  @ApiErrors(400, 503)
  create(@CurrentStaff() staff: StaffContext, @Body() body: CreateStaffAccountDto): Promise<StaffCreatedAccountDto> {
    return this.accounts.create(staff, body);
  }
}
