import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@relance/errors';
import { AccountClosureRepository } from '@relance/privacy/accounts/account-closure.repository';
import { StaffRoles } from '../auth/staff-roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { closureView } from './account-lifecycle.service';

/** Staff read an account's closure and its signed certificate, also long after the account is gone. */
@ApiTags('staff')
@ApiErrors(401)
@Controller('v1/staff/account-closures')
export class AccountClosuresStaffController {
  constructor(@Inject(AccountClosureRepository) private readonly closures: AccountClosureRepository) {}

  @Get(':accountId')
  @StaffRoles('support', 'operator', 'admin')
  @ApiOperation({ summary: 'An account\'s closure, with its certificate once purged (counts per table, signed JWS)' })
  @ApiErrors(400, 404)
  async find(@Param('accountId', ParseIdPipe) accountId: string) {
    const closure = await this.closures.find(accountId);
    if (!closure) throw DomainError.notFound('account closure', accountId, 'accountId');
    return { accountId, ...closureView(closure), certificate: closure.certificate, certificateJws: closure.certificateJws };
  }
}
