import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The few Express request and response members the console's middleware uses: the project
 * carries no @types/express (adding it changes how Nest types the API's body parser).
 */
export interface ConsoleSession {
  /** The signed-in member's id: all a session keeps (session-store.ts). */
  staffUserId?: string;
  /** The member as AdminJS reads it, set per request by member-loader.ts. */
  adminUser?: unknown;
  redirectTo?: string;
  regenerate(callback: (error?: unknown) => void): void;
  save(callback: (error?: unknown) => void): void;
  destroy(callback: (error?: unknown) => void): void;
}

export interface ConsoleRequest extends IncomingMessage {
  method: string;
  path: string;
  session: ConsoleSession;
  /** The form fields, as express-formidable parses them. */
  fields?: Record<string, unknown>;
}

export interface ConsoleResponse extends ServerResponse {
  status(code: number): this;
  type(type: string): this;
  send(body: string): this;
  json(body: unknown): this;
  redirect(url: string): void;
}

export type Next = (error?: unknown) => void;
export type Middleware = (request: ConsoleRequest, response: ConsoleResponse, next: Next) => void;
