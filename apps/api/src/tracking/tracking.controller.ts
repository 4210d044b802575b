import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { TRACKING_ROUTE } from '@relance/tracking';
import { Public } from '../auth/public.decorator';
import { API_LOGGER } from '../common/logger.module';
import { clickProblem, ClickProblem, TRANSPARENT_GIF } from './tracking-responses';
import { TrackingRequest, TrackingService } from './tracking.service';
import { ApiContentResponse, ApiPageErrors } from '../openapi-document/page-responses';

const CLICK_PROBLEMS: readonly ClickProblem[] = ['token_invalid', 'token_expired', 'no_such_link', 'not_found'];

/** Express's request (its types are not a dependency): the address it derives per `trust proxy`, negotiation. */
type Request = IncomingMessage & { ip?: string; accepts(types: string[]): string | false };
type Response = ServerResponse;

/** Every open must reach us: no browser, proxy or mail client may answer from a cache. */
const NO_CACHE = {
  'cache-control': 'no-store, no-cache, must-revalidate, max-age=0, private',
  pragma: 'no-cache',
  expires: '0',
};

/**
 * The open pixel and tracked links in emails, fetched by the people Relance writes to (and
 * their mail clients): no API key. Only GET records anything: a HEAD (link checkers) gets the
 * same answer without a body. Neither route logs the address it is fetched from.
 */
@ApiTags('tracking')
@Public()
@Controller(TRACKING_ROUTE)
export class TrackingController {
  constructor(
    @Inject(TrackingService) private readonly tracking: TrackingService,
    @Inject(API_LOGGER) private readonly logger: Logger,
  ) {}

  @Get('o/:pixel')
  @ApiOperation({ summary: 'Open pixel: `/t/o/<token>.gif`, a 1×1 transparent GIF whatever the token' })
  @ApiProduces('image/gif')
  @ApiParam({ name: 'pixel', description: 'The open token of the email, then `.gif`', example: 'eyJtIjoiOWE4YjdjNmQifQ.3q2-7w.gif' })
  @ApiContentResponse(200, 'The GIF; an open is recorded only when the token is good', 'image/gif', 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'binary')
  async open(@Param('pixel') pixel: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const token = pixel.replace(/\.gif$/i, '');
    if (request.method === 'GET' && token !== pixel) {
      // The image is owed whatever happens to the record.
      await this.tracking.open(token, visitorOf(request)).catch((error: Error) =>
        this.logger.error({ err: { type: error.name, message: error.message } }, 'recording an open failed'));
    }
    response.statusCode = 200;
    for (const [name, value] of Object.entries({ ...NO_CACHE, 'content-type': 'image/gif' })) response.setHeader(name, value);
    response.setHeader('content-length', TRANSPARENT_GIF.length);
    response.end(request.method === 'HEAD' ? undefined : TRANSPARENT_GIF);
  }

  @Get('c/:token')
  @ApiOperation({ summary: 'Tracked link: records the click and redirects to the link as written in the email' })
  @ApiProduces('text/html', 'application/json')
  @ApiResponse({ status: 302, description: 'To the link; the token only picks one of the links of its own email' })
  @ApiParam({ name: 'token', description: 'The click token of one link of one email', example: 'eyJtIjoiOWE4YjdjNmQiLCJsIjowfQ.9x8-Qa' })
  @ApiPageErrors(CLICK_PROBLEMS.map((code) => ({ code, status: clickProblem(code).status, message: clickProblem(code).message })))
  async click(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const outcome = await this.tracking.click(token, visitorOf(request), request.method === 'GET');
    if (outcome.kind === 'problem') return respondProblem(outcome.problem, request, response);
    response.statusCode = 302;
    response.setHeader('location', outcome.url);
    response.setHeader('cache-control', 'no-store');
    // The tracked URL carries a token: the destination has no business seeing it.
    response.setHeader('referrer-policy', 'no-referrer');
    response.end();
  }
}

function visitorOf(request: Request): TrackingRequest {
  return { ip: request.ip ?? request.socket.remoteAddress, userAgent: request.headers['user-agent'] };
}

/** A page for people; the API's JSON error shape for programs that ask for JSON only. */
function respondProblem(problem: ClickProblem, request: Request, response: Response): void {
  const { status, message, html } = clickProblem(problem);
  response.statusCode = status;
  response.setHeader('cache-control', 'no-store');
  if (request.accepts(['html', 'json']) === 'json') {
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(JSON.stringify({ error: { code: problem, message } }));
    return;
  }
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  response.setHeader('x-robots-tag', 'noindex');
  response.end(html);
}
