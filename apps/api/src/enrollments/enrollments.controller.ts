import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { EnrollmentDto, EnrollmentListDto } from './dto/enrollment.dto';
import { ListEnrollmentsQuery } from './dto/list-enrollments.query';
import { EnrollmentsService } from './enrollments.service';

@ApiTags('enrollments')
@ApiBearerAuth('api-key')
@ApiErrors(401, 400, 404)
@Controller('v1')
export class EnrollmentsController {
  constructor(@Inject(EnrollmentsService) private readonly enrollments: EnrollmentsService) {}

  @Get('campaigns/:id/enrollments')
  @ApiOperation({ summary: "List a campaign's enrollments (one per prospect), oldest first, a page at a time" })
  @ApiOkResponse({ type: EnrollmentListDto })
  async listForCampaign(
    @AccountId() accountId: string,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: ListEnrollmentsQuery,
  ): Promise<EnrollmentListDto> {
    const { items, nextCursor } = await this.enrollments.listForCampaign(accountId, id, query);
    return { data: items.map((e) => EnrollmentDto.from(e)), nextCursor };
  }

  @Get('enrollments/:id')
  @ApiOperation({ summary: 'Get an enrollment: where the prospect is in the sequence' })
  @ApiOkResponse({ type: EnrollmentDto })
  async get(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<EnrollmentDto> {
    return EnrollmentDto.from(await this.enrollments.get(accountId, id));
  }
}
