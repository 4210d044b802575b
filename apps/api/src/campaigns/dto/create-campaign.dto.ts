import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested,
} from 'class-validator';
import { CanonicalTimeZone } from '../../common/transforms';
import { IsTimeZone } from '../../common/validators/time-zone';
import { SendingWindowDto } from './sending-window.dto';
import { AnyStepInput, EmailStepInputDto, StepInputDto, WaitStepInputDto } from './step-input.dto';

export const MAX_STEPS = 50;

@ApiExtraModels(EmailStepInputDto, WaitStepInputDto)
export class CreateCampaignDto {
  @ApiProperty({ example: 'Q3 outreach' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty({ format: 'uuid', description: 'The mailbox the emails go out from' })
  @IsUUID()
  mailboxId: string;

  @ApiPropertyOptional({
    type: [String],
    description: "More mailboxes to rotate across (least loaded first); each prospect's thread stays on one",
  })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  mailboxIds?: string[];

  @ApiPropertyOptional({ default: 'UTC', example: 'Europe/Paris', description: "Used for prospects without a time zone" })
  @IsOptional() @CanonicalTimeZone() @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ type: SendingWindowDto, description: 'When mail may leave; any time when absent' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SendingWindowDto)
  sendingWindow?: SendingWindowDto;

  @ApiProperty({
    type: 'array',
    minItems: 1,
    maxItems: MAX_STEPS,
    description: 'Run in order; at least one email step, and the first email step needs a subject',
    items: {
      oneOf: [{ $ref: getSchemaPath(EmailStepInputDto) }, { $ref: getSchemaPath(WaitStepInputDto) }],
      discriminator: { propertyName: 'type' },
    },
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'steps must contain at least one step' })
  @ArrayMaxSize(MAX_STEPS)
  @ValidateNested({ each: true })
  @Type(() => StepInputDto, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property: 'type',
      subTypes: [
        { name: 'email', value: EmailStepInputDto },
        { name: 'wait', value: WaitStepInputDto },
      ],
    },
  })
  steps: AnyStepInput[];
}
