import { PickType } from '@nestjs/swagger';
import { CreateCampaignDto } from './create-campaign.dto';

/** The whole sequence, as at creation; the steps prospects already reached must come back unchanged. */
export class ReplaceStepsDto extends PickType(CreateCampaignDto, ['steps'] as const) {}
