import type { IncomingMessage } from 'node:http';
import type { StaffRole } from '@relance/db/entities/staff-user.entity';

/** Who is calling: set by the API key guard on every /v1 request. */
export interface AuthContext {
  readonly accountId: string;
  readonly apiKeyId: string;
  /** The rep the key belongs to, when it belongs to one. */
  readonly userId: string | null;
}

/** Which staff member is calling: set by the staff token guard on /v1/staff routes. */
export interface StaffContext {
  readonly staffUserId: string;
  readonly role: StaffRole;
  readonly tokenId: string;
}

/** The parts of Express's request the API reads (Express types are not a dependency). */
export interface ApiRequest extends IncomingMessage {
  /** Set first on every request (request-id.middleware): the id its log lines and response carry. */
  requestId?: string;
  auth?: AuthContext;
  staff?: StaffContext;
  originalUrl?: string;
  route?: { path?: string };
}
