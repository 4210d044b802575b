import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId, CallerUserId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { EnrollmentDto } from '../enrollments/dto/enrollment.dto';
import { ProspectDto } from '../prospects/dto/prospect.dto';
import { AcceptSuggestionDto, ListProspectSuggestionsQuery } from './dto/prospect-suggestion-inputs';
import { AcceptedSuggestionDto, ProspectSuggestionDto, ProspectSuggestionPageDto } from './dto/prospect-suggestion.dto';
import { ProspectSuggestionsService } from './prospect-suggestions.service';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('prospect-suggestions')
@ApiBearerAuth('api-key')
@ApiErrors(401, 400)
@Controller('v1/prospect-suggestions')
export class ProspectSuggestionsController {
  constructor(@Inject(ProspectSuggestionsService) private readonly suggestions: ProspectSuggestionsService) {}

  @Get()
  @ApiOperation({
    summary: 'List the colleagues referrals offered, newest first, a page at a time',
    description:
      'A referral is a reply saying the prospect left and offering someone else ("I took over her accounts", ' +
      '"please contact Paul at …"). No suggestion is made for an address the account suppresses or already has.',
  })
  @ApiOkResponse({ type: ProspectSuggestionPageDto })
  async list(@AccountId() accountId: string, @Query() query: ListProspectSuggestionsQuery): Promise<ProspectSuggestionPageDto> {
    const { items, nextCursor } = await this.suggestions.list(accountId, query);
    return { data: items.map((s) => ProspectSuggestionDto.from(s)), nextCursor };
  }

  @Post(':id/accept')
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary: 'Accept: create the prospect and enroll it in the same campaign, in one call',
    description:
      "The prospect gets the suggested email and name and the departed prospect's company. `enroll` defaults to " +
      'true; `{ "enroll": false }` only creates the prospect. 409 `conflict` when the suggestion was already ' +
      'accepted or dismissed, when the address is already a prospect, or when enrolling in a stopped or completed ' +
      'campaign; 409 `suppressed` when the address is on the suppression list. Nothing is created then.',
  })
  @ApiCreatedResponse({ type: AcceptedSuggestionDto })
  @ApiErrors(404, 409, 503)
  async accept(
    @AccountId() accountId: string,
    @CallerUserId() userId: string | null,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: AcceptSuggestionDto,
  ): Promise<AcceptedSuggestionDto> {
    const accepted = await this.suggestions.accept(accountId, userId, id, body?.enroll ?? true);
    return {
      suggestion: ProspectSuggestionDto.from(accepted.suggestion),
      prospect: ProspectDto.from(accepted.prospect, false),
      enrollment: accepted.enrollment && EnrollmentDto.from(accepted.enrollment),
    };
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dismiss a suggestion (again: the same answer); 409 once accepted' })
  @ApiOkResponse({ type: ProspectSuggestionDto })
  @ApiErrors(404, 409)
  async dismiss(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<ProspectSuggestionDto> {
    return ProspectSuggestionDto.from(await this.suggestions.dismiss(accountId, id));
  }
}
