import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TokenError } from '@relance/crypto/signed-token';
import { UNSUBSCRIBE_ROUTE } from '@relance/sending';
import { Public } from '../auth/public.decorator';
import { confirmPage, donePage, problemMessage, problemPage, UnsubscribeProblem } from './unsubscribe-page';
import { UnsubscribeService } from './unsubscribe.service';
import { ApiContentResponse, ApiPageErrors } from '../openapi-document/page-responses';

const UNSUBSCRIBE_PROBLEMS: readonly UnsubscribeProblem[] = ['token_invalid', 'token_expired', 'not_found'];

/** The token is a credential to unsubscribe someone: keep it out of caches, referrers and indexes. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

/** Express's request (its types are not a dependency): content negotiation only. */
type Request = IncomingMessage & { accepts(types: string[]): string | false };
type Response = ServerResponse;

/**
 * The links in every email's List-Unsubscribe header, for the people Relance writes to: no
 * API key. GET shows a confirmation button (mail scanners prefetch links); POST, from that
 * button or a mail provider's one-click (RFC 8058), unsubscribes and answers 200, no redirect.
 */
@ApiTags('unsubscribe')
@Public()
@Controller(UNSUBSCRIBE_ROUTE)
export class UnsubscribeController {
  constructor(@Inject(UnsubscribeService) private readonly unsubscribes: UnsubscribeService) {}

  @Get(':token')
  @ApiOperation({ summary: 'Unsubscribe page with a confirmation button (changes nothing)' })
  @ApiProduces('text/html')
  @ApiParam({ name: 'token', description: 'The signed token of the email\'s unsubscribe link', example: 'eyJtIjoiOWE4YjdjNmQifQ.3q2-7w' })
  @ApiContentResponse(200, 'The confirmation page', 'text/html', '<!doctype html><title>Unsubscribe</title><form method="post"><button>Unsubscribe</button></form>')
  @ApiPageErrors(UNSUBSCRIBE_PROBLEMS.map((code) => ({ code, ...problemMessage(code) })))
  async confirm(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    try {
      await this.unsubscribes.checkToken(token);
    } catch (error) {
      return this.problem(error, request, response);
    }
    send(response, 200, PAGE_HEADERS, confirmPage());
  }

  @Post(':token')
  @ApiOperation({
    summary: 'Unsubscribe (one-click, RFC 8058)',
    description: 'Any body is accepted (mail providers send `List-Unsubscribe=One-Click`). Idempotent.',
  })
  @ApiProduces('text/html')
  @ApiParam({ name: 'token', description: 'The signed token of the email\'s unsubscribe link', example: 'eyJtIjoiOWE4YjdjNmQifQ.3q2-7w' })
  @ApiContentResponse(200, 'Unsubscribed', 'text/html', '<!doctype html><title>Unsubscribed</title><p>You will not receive these emails any more.</p>')
  @ApiPageErrors(UNSUBSCRIBE_PROBLEMS.map((code) => ({ code, ...problemMessage(code) })))
  async unsubscribe(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    let outcome;
    try {
      outcome = await this.unsubscribes.unsubscribe(token);
    } catch (error) {
      return this.problem(error, request, response);
    }
    if (outcome.kind === 'message_gone') return this.respondProblem('not_found', request, response);
    send(response, 200, PAGE_HEADERS, donePage());
  }

  private problem(error: unknown, request: Request, response: Response): void {
    if (!(error instanceof TokenError)) throw error;
    this.respondProblem(error.code, request, response);
  }

  /** A page for people; the API's JSON error shape for programs that ask for JSON only. */
  private respondProblem(problem: UnsubscribeProblem, request: Request, response: Response): void {
    if (request.accepts(['html', 'json']) === 'json') {
      const { status, message } = problemMessage(problem);
      const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
      return send(response, status, headers, JSON.stringify({ error: { code: problem, message } }));
    }
    const { status, html } = problemPage(problem);
    send(response, status, PAGE_HEADERS, html);
  }
}

function send(response: Response, status: number, headers: Record<string, string>, body: string): void {
  response.statusCode = status;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.end(body);
}
