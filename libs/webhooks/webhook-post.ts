import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { WebhookTarget } from './webhook-url';

/** How much of a receiver's answer is kept with the attempt. */
export const SNIPPET_BYTES = 1024;

/** What one POST came to: an answer (any status), or none and why. */
export type PostResult =
  | { kind: 'answered'; statusCode: number; snippet: string; durationMs: number }
  | { kind: 'no_answer'; error: string; durationMs: number };

/**
 * POSTs `body` to the vetted target. The connection goes to the address that was judged (the
 * lookup is answered with it, so a second DNS answer cannot lead elsewhere) while TLS still
 * checks the certificate against the host's name. Gives up after `timeoutMs` in all: a receiver
 * that hangs costs one attempt, not a worker slot forever. Redirects are not followed.
 */
export function postWebhook(
  target: WebhookTarget, headers: Record<string, string>, body: string, timeoutMs: number,
): Promise<PostResult> {
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  const vetted: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as any)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = send(target.url, {
      method: 'POST',
      lookup: vetted,
      headers: { 'content-type': 'application/json', 'user-agent': 'Relance-Webhooks/1', ...headers, 'content-length': Buffer.byteLength(body) },
    }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on('data', (chunk: Buffer) => {
        if (kept < SNIPPET_BYTES) chunks.push(chunk.subarray(0, SNIPPET_BYTES - kept));
        kept += chunk.length;
      });
      res.on('end', () => finish({
        kind: 'answered', statusCode: res.statusCode ?? 0, snippet: Buffer.concat(chunks).toString('utf8'), durationMs: elapsed(),
      }));
      res.on('error', (error) => finish({ kind: 'no_answer', error: `answer cut off: ${error.message}`, durationMs: elapsed() }));
    });
    const timer = setTimeout(() => {
      finish({ kind: 'no_answer', error: `no answer within ${timeoutMs} ms`, durationMs: elapsed() });
      req.destroy();
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      finish({ kind: 'no_answer', error: error.code ? `${error.code}: ${error.message}` : error.message, durationMs: elapsed() });
    });
    req.end(body);
  });
}
