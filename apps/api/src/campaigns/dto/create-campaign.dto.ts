import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateNested,
} from 'class-validator';
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
