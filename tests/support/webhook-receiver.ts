import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** How a route of the stub answers: 200, a status for ever, a status the first `times` then 200, or never. */
export type ReceiverBehaviour =
  | { kind: 'ok' }
  | { kind: 'status'; status: number }
  | { kind: 'fail_then_ok'; times: number; status: number }
  | { kind: 'hang' };

export interface ReceivedWebhook {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: any;
  /** Whether webhook-signature checks out against the route's secret, verified here on its own (not with Relance's code). */
  signatureValid: boolean;
  /** What this request was answered (null: left hanging). */
  answered: number | null;
}

/**
 * A customer's webhook receiver on a free loopback port: each route (a path) answers as told and
 * checks the Standard Webhooks signature of what it gets with the secret it was given.
 */
export interface WebhookReceiver {
  url(path: string): string;
  /** Sets how `path` answers; without a secret, it keeps the one it had. */
  route(path: string, behaviour: ReceiverBehaviour, secret?: string): void;
  /** Sets (or replaces) the secret a route verifies with (after a rotation, or once the endpoint exists). */
  secret(path: string, secret: string): void;
  received(path: string): ReceivedWebhook[];
  stop(): Promise<void>;
}

/** Verifies `v1,<base64>` signatures (space-separated, any may match) of "id.timestamp.body" with the secret's decoded key. */
export function verifyStandardWebhook(secret: string, headers: IncomingMessage['headers'], body: string): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') return false;
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return signatures.split(' ').some((signature) => {
    const [version, value] = signature.split(',');
    const given = Buffer.from(value ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const routes = new Map<string, { behaviour: ReceiverBehaviour; secret?: string; seen: ReceivedWebhook[] }>();
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://stub').pathname;
      const route = routes.get(path);
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
      const received: ReceivedWebhook = {
        path, headers: req.headers, body, json, answered: null,
        signatureValid: route?.secret ? verifyStandardWebhook(route.secret, req.headers, body) : false,
      };
      const status = answerOf(route?.behaviour, route?.seen.length ?? 0);
      route?.seen.push(received);
      if (status === null) return; // hang: never answer
      received.answered = status;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ received: status < 300 }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    route: (path, behaviour, secret) => {
      const known = routes.get(path);
      routes.set(path, { behaviour, secret: secret ?? known?.secret, seen: known?.seen ?? [] });
    },
    secret: (path, secret) => {
      const route = routes.get(path);
      if (!route) throw new Error(`no route ${path}`);
      route.secret = secret;
    },
    received: (path) => routes.get(path)?.seen ?? [],
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answerOf(behaviour: ReceiverBehaviour | undefined, before: number): number | null {
  switch (behaviour?.kind) {
    case undefined:
      return 404;
    case 'ok':
      return 200;
    case 'status':
      return behaviour.status;
    case 'fail_then_ok':
      return before < behaviour.times ? behaviour.status : 200;
    case 'hang':
      return null;
  }
}
