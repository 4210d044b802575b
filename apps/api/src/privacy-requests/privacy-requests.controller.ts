import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { CertificateCheckDto, PublicPrivacyRequestDto } from './dto/privacy-request-input.dto';
import { CertificateCheckResultDto, PrivacyRequestAcceptedDto, VerificationLinkDto } from './dto/privacy-request.dto';
import { PrivacyRequestIntake } from './privacy-request-intake.service';

/**
 * The routes a data subject uses without an account: make a request, confirm it by the mailed
 * link, download an access export, check a certificate.
 */
@ApiTags('privacy-requests')
@Public()
@Controller('v1/privacy-requests')
export class PrivacyRequestsController {
  constructor(@Inject(PrivacyRequestIntake) private readonly intake: PrivacyRequestIntake) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask for access to, erasure, rectification or restriction of your data (a confirmation link is mailed)' })
  @ApiAcceptedResponse({ type: PrivacyRequestAcceptedDto, description: 'The same answer whether or not the address is known' })
  @ApiErrors(400)
  async create(@Body() body: PublicPrivacyRequestDto): Promise<PrivacyRequestAcceptedDto> {
    const request = await this.intake.fromPublic(body);
    return { requestId: request.id, message: 'A confirmation link was sent to the address given.' };
  }

  @Get('verify/:token')
  @ApiOperation({ summary: 'What a confirmation link names (does not confirm: POST it to confirm)' })
  @ApiParam({ name: 'token', description: 'The signed token of the mailed link', example: 'eyJyIjoiMWMyZDNlNGYifQ.Zm9vYmFy' })
  @ApiOkResponse({ type: VerificationLinkDto })
  @ApiErrors(400)
  async inspect(@Param('token') token: string): Promise<VerificationLinkDto> {
    const request = await this.intake.inspectLink(token);
    return { requestId: request.id, status: request.status, message: 'POST this link to confirm the request.' };
  }

  @Post('verify/:token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm a request with the mailed link (once; expires with the request)' })
  @ApiParam({ name: 'token', description: 'The signed token of the mailed link', example: 'eyJyIjoiMWMyZDNlNGYifQ.Zm9vYmFy' })
  @ApiOkResponse({ type: VerificationLinkDto })
  @ApiErrors(400, 409)
  async verify(@Param('token') token: string): Promise<VerificationLinkDto> {
    const request = await this.intake.verifyByLink(token);
    return { requestId: request.id, status: request.status, message: 'Your request is confirmed: you will be mailed when it is done.' };
  }

  @Get('exports/:token')
  @ApiOperation({ summary: 'Download an access export (signed, expiring link mailed with the certificate)' })
  @ApiParam({ name: 'token', description: 'The signed token of the mailed link', example: 'eyJyIjoiMWMyZDNlNGYifQ.Zm9vYmFy' })
  @ApiOkResponse({
    description: 'Every row held about you, by table, with the messages sent to and received from you',
    schema: { type: 'object', description: 'Table name → the rows about you' },
    example: { prospects: [{ email: 'ada@example.com', first_name: 'Ada', company: 'Analytical Engines Ltd' }], messages: [] },
  })
  @ApiErrors(400, 404)
  exportOf(@Param('token') token: string): Promise<Record<string, unknown>> {
    return this.intake.exportOf(token);
  }

  @Get('certificates/verify')
  @ApiOperation({ summary: 'Check a certificate given in the query (?certificate=...): issued by Relance and not altered' })
  @ApiOkResponse({ type: CertificateCheckResultDto })
  @ApiErrors(400)
  checkCertificateInQuery(@Query() query: CertificateCheckDto): Promise<CertificateCheckResultDto> {
    return this.intake.checkCertificate(query.certificate);
  }

  @Post('certificates/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check that a certificate was issued by Relance and not altered' })
  @ApiOkResponse({ type: CertificateCheckResultDto })
  @ApiErrors(400)
  checkCertificate(@Body() body: CertificateCheckDto): Promise<CertificateCheckResultDto> {
    return this.intake.checkCertificate(body.certificate);
  }
}
