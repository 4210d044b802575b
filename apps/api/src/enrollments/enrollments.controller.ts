import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { EnrollmentDto, EnrollmentListDto } from './dto/enrollment.dto';
import { EnrollmentsService } from './enrollments.service';

@ApiTags('enrollments')
@ApiBearerAuth('api-key')
@ApiErrors(401, 400, 404)
@Controller('v1')
export class EnrollmentsController {
  constructor(@Inject(EnrollmentsService) private readonly enrollments: EnrollmentsService) {}

  @Get('campaigns/:id/enrollments')
  @ApiOperation({ summary: "List a campaign's enrollments (one per prospect), oldest first" })
  @ApiOkResponse({ type: EnrollmentListDto })
  async listForCampaign(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<EnrollmentListDto> {
    return { data: (await this.enrollments.listForCampaign(accountId, id)).map((e) => EnrollmentDto.from(e)) };
  }

  @Get('enrollments/:id')
  @ApiOperation({ summary: 'Get an enrollment: where the prospect is in the sequence' })
  @ApiOkResponse({ type: EnrollmentDto })
  async get(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<EnrollmentDto> {
    return EnrollmentDto.from(await this.enrollments.get(accountId, id));
  }
}
