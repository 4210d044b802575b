import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AccountId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CampaignsService } from '../campaigns/campaigns.service';
import { CampaignDto } from '../campaigns/dto/campaign.dto';
import { EnrollmentDto } from '../enrollments/dto/enrollment.dto';
import { EnrollmentsService } from '../enrollments/enrollments.service';
import { ParseControlActionPipe } from './parse-control-action.pipe';
import type { ControlAction } from '@relance/db/repositories/sequence-control.repository';
import { SequenceControlsService } from './sequence-controls.service';

@ApiTags('controls')
@ApiBearerAuth('api-key')
@ApiErrors(401, 404, 409)
@Controller('v1')
export class SequenceControlsController {
  constructor(
    @Inject(SequenceControlsService) private readonly controls: SequenceControlsService,
    @Inject(CampaignsService) private readonly campaigns: CampaignsService,
    @Inject(EnrollmentsService) private readonly enrollments: EnrollmentsService,
  ) {}

  @Post('campaigns/:id/:action')
  @HttpCode(200)
  @ApiParam({ name: 'action', enum: ['pause', 'resume', 'stop'] })
  @ApiOperation({ summary: 'Pause, resume or stop a whole campaign (stop ends every running enrollment)' })
  @ApiOkResponse({ type: CampaignDto, description: 'The campaign after the change' })
  async controlCampaign(
    @AccountId() accountId: string,
    @Param('id', ParseIdPipe) id: string,
    @Param('action', ParseControlActionPipe) action: ControlAction,
  ): Promise<CampaignDto> {
    await this.controls.controlCampaign(accountId, id, action);
    const campaign = await this.campaigns.get(accountId, id);
    return CampaignDto.from(campaign, campaign.steps);
  }

  @Post('enrollments/:id/:action')
  @HttpCode(200)
  @ApiParam({ name: 'action', enum: ['pause', 'resume', 'stop'] })
  @ApiOperation({ summary: "Pause, resume or stop one prospect's sequence" })
  @ApiOkResponse({ type: EnrollmentDto, description: 'The enrollment after the change' })
  async controlEnrollment(
    @AccountId() accountId: string,
    @Param('id', ParseIdPipe) id: string,
    @Param('action', ParseControlActionPipe) action: ControlAction,
  ): Promise<EnrollmentDto> {
    await this.controls.controlEnrollment(accountId, id, action);
    return EnrollmentDto.from(await this.enrollments.get(accountId, id));
  }
}
