import { Column, Entity, Index } from 'typeorm';
import { IdColumn } from './columns';

/**
 * One API request, as the privacy policy's server logs: when, which route pattern (never the
 * raw URL: paths and query strings may carry ids, tokens or addresses), the answer, who called
 * (ids only), the client's network anonymised (IPv4 /24, IPv6 /48), its country and browser family.
 * Moved into compressed archives after REQUEST_LOG_RETENTION (libs/privacy/retention).
 */
@Entity({ name: 'request_logs' })
@Index('ix_request_logs_account', ['accountId', 'occurredAt'])
export class RequestLog {
  @IdColumn('request_logs') id: string;
  @Index('ix_request_logs_occurred_at')
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ type: 'text' }) method: string;
  /** The matched route pattern (`/v1/prospects/:id`), or `unmatched`. */
  @Column({ type: 'text' }) route: string;
  @Column({ type: 'integer' }) status: number;
  @Column({ name: 'duration_ms', type: 'integer' }) durationMs: number;
  @Column({ name: 'account_id', type: 'uuid', nullable: true }) accountId: string | null;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @Column({ name: 'api_key_id', type: 'uuid', nullable: true }) apiKeyId: string | null;
  @Column({ name: 'staff_user_id', type: 'uuid', nullable: true }) staffUserId: string | null;
  /** The client's network (anonymiseIp), never its full address. */
  @Column({ type: 'text', nullable: true }) ip: string | null;
  /** ISO 3166-1 alpha-2, looked up from the full address in memory only. */
  @Column({ type: 'text', nullable: true }) country: string | null;
  /** A browser family (`Firefox`, `curl`…), never the User-Agent string. */
  @Column({ type: 'text', nullable: true }) browser: string | null;
}
