import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EmailFinder } from '@relance/enrichment';
import { AccountId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { EmailFinderAnswerDto, EmailFinderDto } from './dto/email-finder.dto';

@ApiTags('enrichment')
@ApiBearerAuth('api-key')
@ApiErrors(401, 400)
@Controller('v1/email-finder')
export class EmailFinderController {
  constructor(@Inject(EmailFinder) private readonly finder: EmailFinder) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Find a person\'s likely address at a company',
    description:
      'For the browser extension: Hunter\'s Email Finder when your account has a Hunter key, else the usual address ' +
      'patterns (first.last@, flast@, first@…) when the domain receives mail (MX), each with a confidence. Nothing ' +
      'of the request is stored or logged: keep the candidates you want by creating a prospect.',
  })
  @ApiOkResponse({ type: EmailFinderAnswerDto })
  find(@AccountId() accountId: string, @Body() body: EmailFinderDto): Promise<EmailFinderAnswerDto> {
    return this.finder.find(accountId, body);
  }
}
