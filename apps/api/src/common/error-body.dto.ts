import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'steps.0.subject' }) field: string;
  @ApiProperty({ example: 'steps.0.subject must be a string' }) message: string;
}

export class ErrorDto {
  @ApiProperty({ example: 'validation_failed', description: 'Stable, machine-readable code' }) code: string;
  @ApiProperty({ example: 'steps.0.subject must be a string' }) message: string;
  @ApiPropertyOptional({ example: 'steps.0.subject', description: 'The input field at fault' }) field?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'Every problem found' }) details?: FieldProblemDto[];
}

/** Every error response: `{ "error": { "code", "message", "field"?, "details"? } }`. */
export class ErrorResponseDto {
  @ApiProperty({ type: ErrorDto }) error: ErrorDto;
}
