import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parse as parseContentType } from 'content-type';
import { httpStatusOf } from '../../../apps/api/src/common/error-status';
import type { CaughtEmail, MailCatcher } from '@relance/devservices';
import { DomainError } from '@relance/errors';
import { renderInboxPage, type InboxEntry, type InboxView } from './inbox-page';
import { REPLY_KINDS, type ReplyKind } from './prospect-reply';
import type { RelanceThread } from './relance-threads';

export interface ReplyInput {
  readonly kind: ReplyKind;
  readonly text?: string;
}

export interface DemoInboxOptions {
  readonly port: number;
  readonly catcher: MailCatcher;
  readonly apiUrl: string;
  readonly threadOf: (email: CaughtEmail) => Promise<RelanceThread | undefined>;
  /** Delivers the prospect's reply into the demo mailbox; absent when there is no demo mailbox. */
  readonly reply: ((email: CaughtEmail, input: ReplyInput) => Promise<string>) | undefined;
  readonly demoMailbox: string | undefined;
  readonly missing: InboxView['missing'];
}

export interface DemoInbox {
  readonly url: string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_BODY = 64 * 1024;
const REPLY_ROUTE = /^\/(api\/)?messages\/([^/]+)\/reply$/;

/**
 * The demo inbox on loopback: a page listing what the catcher kept, with a form to answer
 * each email as its prospect, and the same as JSON for curl (`/api/messages`,
 * `POST /api/messages/:id|latest/reply` with `text` and `kind` = reply | out_of_office).
 * Only same-origin posts are taken, so no web page can send replies through the browser.
 */
export async function startDemoInbox(options: DemoInboxOptions): Promise<DemoInbox> {
  const url = `http://${HOST}:${options.port}`;
  const origins = new Set([url, `http://localhost:${options.port}`]);

  const entries = async (): Promise<InboxEntry[]> => {
    const emails = await options.catcher.list();
    return Promise.all(emails.map(async (email) => ({
      email,
      thread: await options.threadOf(email).catch(() => undefined),
      canReply: options.reply !== undefined && email.from?.address === options.demoMailbox && email.to.length > 0,
    })));
  };
  const page = async (notice?: InboxView['notice']) => renderInboxPage({
    entries: await entries(), inboxUrl: url, apiUrl: options.apiUrl, catcher: `${options.catcher.host}:${options.catcher.port}`,
    demoMailbox: options.reply ? options.demoMailbox : undefined, missing: options.missing, notice,
  });

  const reply = async (id: string, request: IncomingMessage) => {
    if (!options.reply) {
      const why = options.missing ? `${options.missing.reason}. ${options.missing.fix.join(' ')}` : 'it is not set up';
      throw new DomainError('unavailable', `there is no demo mailbox to reply into: ${why.replace(/\s+/g, ' ')}`);
    }
    const email = id === 'latest' ? (await options.catcher.list(1))[0] : await options.catcher.get(id);
    if (!email) throw DomainError.notFound('caught email', id);
    const input = parseReplyInput(await readBody(request));
    const messageId = await options.reply(email, input);
    return { email, input, messageId };
  };

  /** The line the page shows after the form delivered a reply (the redirect names the email). */
  const repliedNotice = async (query: URLSearchParams): Promise<InboxView['notice']> => {
    const email = await options.catcher.get(query.get('replied') ?? '');
    if (!email) return undefined;
    const what = query.get('kind') === 'out_of_office' ? 'An out-of-office reply' : 'A reply';
    const effect = query.get('kind') === 'out_of_office'
      ? 'holds the next email until the return date'
      : 'ends the sequence (replied)';
    return {
      kind: 'done',
      text: `${what} from ${email.to[0]} was delivered into the INBOX of ${options.demoMailbox}. Relance reads it ` +
        `within seconds and ${effect}: reload to see the enrollment's status.`,
    };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const requestUrl = new URL(request.url ?? '/', url);
    const path = requestUrl.pathname;
    const replyRoute = REPLY_ROUTE.exec(path);
    const asJson = path.startsWith('/api/');
    try {
      // A name that resolves here by trickery (DNS rebinding) or a post from another site is refused.
      if (!origins.has(`http://${request.headers.host}`)) throw new DomainError('validation_failed', 'unexpected Host header');
      if (request.method === 'POST' && request.headers.origin !== undefined && !origins.has(request.headers.origin)) {
        throw new DomainError('validation_failed', `posts from ${request.headers.origin} are not accepted here`);
      }
      if (request.method === 'GET' && path === '/') {
        return send(response, 200, 'text/html', await page(await repliedNotice(requestUrl.searchParams)));
      }
      if (request.method === 'GET' && path === '/api/messages') {
        const data = (await entries()).map(({ email, thread, canReply }) => ({ ...email, relance: thread ?? null, canReply }));
        return send(response, 200, 'application/json', JSON.stringify({ data }));
      }
      if (request.method === 'POST' && replyRoute) {
        const { email, input, messageId } = await reply(replyRoute[2], request);
        if (!asJson) return redirect(response, `/?replied=${encodeURIComponent(email.id)}&kind=${input.kind}`);
        const body = { messageId, kind: input.kind, from: email.to[0], to: options.demoMailbox, inReplyTo: email.messageId ?? null };
        return send(response, 201, 'application/json', JSON.stringify(body));
      }
      throw new DomainError('not_found', `no route ${request.method} ${path}`);
    } catch (error) {
      const domain = error instanceof DomainError ? error : new DomainError('internal_error', (error as Error).message);
      const status = httpStatusOf(domain.code);
      const wantsPage = !asJson && (path === '/' || replyRoute !== null);
      if (!wantsPage) {
        const body = { error: { code: domain.code, message: domain.message, ...(domain.field ? { field: domain.field } : {}) } };
        return send(response, status, 'application/json', JSON.stringify(body));
      }
      return send(response, status, 'text/html', await page({ kind: 'error', text: domain.message }));
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => resolve());
  });
  return {
    url,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** `kind` (reply by default) and `text`, from a form or a JSON body. */
export function parseReplyInput(body: { type: string; text: string }): ReplyInput {
  let fields: Record<string, unknown>;
  if (body.type === 'application/json') {
    try {
      fields = body.text ? JSON.parse(body.text) : {};
    } catch {
      throw new DomainError('invalid_json', 'The request body is not valid JSON');
    }
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
      throw DomainError.validation([{ field: 'body', message: 'the body must be a JSON object' }]);
    }
  } else {
    fields = Object.fromEntries(new URLSearchParams(body.text));
  }
  const kind = fields.kind ?? 'reply';
  if (!REPLY_KINDS.includes(kind as ReplyKind)) {
    throw DomainError.validation([{ field: 'kind', message: `kind must be one of ${REPLY_KINDS.join(', ')}` }]);
  }
  if (fields.text !== undefined && typeof fields.text !== 'string') {
    throw DomainError.validation([{ field: 'text', message: 'text must be a string' }]);
  }
  return { kind: kind as ReplyKind, text: fields.text as string | undefined };
}

async function readBody(request: IncomingMessage): Promise<{ type: string; text: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw DomainError.validation([{ field: 'body', message: `the body must be at most ${MAX_BODY} bytes` }]);
    chunks.push(chunk);
  }
  const { type } = parseContentType(request.headers['content-type'] ?? '', { parameters: false });
  return { type, text: Buffer.concat(chunks).toString('utf8') };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  response.end(body);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { location });
  response.end();
}
