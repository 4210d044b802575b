import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClosureDto, StaffClosureDto } from './dto/account-views.dto';
import { DomainError } from '@relance/errors';
import { AccountClosureRepository } from '@relance/privacy/accounts/account-closure.repository';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffRoles } from '../auth/staff-roles.decorator';
import type { StaffContext } from '../common/api-request';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { StaffReasonDto } from '../privacy-requests/dto/privacy-request-input.dto';
import { AccountLifecycleService, closureView } from './account-lifecycle.service';

/**
 * Staff read an account's closure and its signed certificate, also long after the account is gone,
 * and cancel a pending closure on the owner's word (support, admin).
 */
@ApiTags('staff')
@ApiErrors(401)
@Controller('v1/staff/account-closures')
export class AccountClosuresStaffController {
  constructor(
    @Inject(AccountClosureRepository) private readonly closures: AccountClosureRepository,
    @Inject(AccountLifecycleService) private readonly lifecycle: AccountLifecycleService,
  ) {}

  @Get(':accountId')
  @StaffRoles('support', 'operator', 'admin')
  @ApiOperation({ summary: 'An account\'s closure, with its certificate once purged (counts per table, signed JWS)' })
  @ApiOkResponse({ type: StaffClosureDto })
  @ApiErrors(400, 404)
  async find(@Param('accountId', ParseIdPipe) accountId: string) {
    const closure = await this.closures.find(accountId);
    if (!closure) throw DomainError.notFound('account closure', accountId, 'accountId');
    return { accountId, ...closureView(closure), certificate: closure.certificate, certificateJws: closure.certificateJws };
  }

  @Post(':accountId/cancel')
  @HttpCode(200)
  @StaffRoles('support', 'admin')
  @ApiOperation({ summary: 'Cancel a pending closure (support, admin): the owner\'s reactivation, audited with the staff member and reason' })
  @ApiOkResponse({ type: ClosureDto })
  @ApiErrors(400, 403, 404, 409)
  cancel(
    @CurrentStaff() caller: StaffContext,
    @Param('accountId', ParseIdPipe) accountId: string,
    @Body() body: StaffReasonDto,
  ) {
    return this.lifecycle.cancelClosureAsStaff(caller.staffUserId, accountId, body.reason);
  }
}
