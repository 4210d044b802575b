import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CampaignStatsDto } from './dto/campaign-stats.dto';
import { StatsService } from './stats.service';

@ApiTags('stats')
@ApiBearerAuth('api-key')
@ApiErrors(401, 400, 404)
@Controller('v1')
export class StatsController {
  constructor(@Inject(StatsService) private readonly stats: StatsService) {}

  @Get('campaigns/:id/stats')
  @ApiOperation({
    summary: "A campaign's results, per email step and per variant",
    description:
      'Per step and variant, counts are emails: `sent` is the emails sent, and each other count is the ' +
      'sent emails with at least one such event (unique opens and clicks). In `totals`, counts are ' +
      'prospects: `sent` is the prospects sent at least one email. Every rate is its count / `sent` ' +
      'at the same level, from 0 to 1, and null when `sent` is 0.',
  })
  @ApiOkResponse({ type: CampaignStatsDto })
  forCampaign(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<CampaignStatsDto> {
    return this.stats.forCampaign(accountId, id);
  }
}
