import type { IncomingMessage } from 'node:http';

/** Who is calling: set by the API key guard on every /v1 request. */
export interface AuthContext {
  readonly accountId: string;
  readonly apiKeyId: string;
  /** The rep the key belongs to, when it belongs to one. */
  readonly userId: string | null;
}

/** The parts of Express's request the API reads (Express types are not a dependency). */
export interface ApiRequest extends IncomingMessage {
  auth?: AuthContext;
  originalUrl?: string;
  route?: { path?: string };
}
