import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@relance/config';
import { mailboxSyncWorkflowId } from '@relance/temporal/contracts';
import { createApiApp } from '../../apps/api/src/app.factory';
import { bootstrapAccount, BootstrappedAccount } from '../../apps/api/src/auth/bootstrap-account';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export interface RequestOptions {
  /** API key to send as a Bearer token; none when undefined. */
  key?: string;
  body?: unknown;
  /** Sent as is, with a JSON content type (for malformed JSON). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestAccount extends BootstrappedAccount {
  call<T = any>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>>;
}

/**
 * The real API on a free loopback port, against the runner's services. Workflows started
 * through it (mailbox syncs, launches) are terminated by close(), so no later suite's worker
 * picks them up.
 */
export class TestApi {
  private readonly startedWorkflows = new Set<string>();

  private constructor(
    readonly app: NestExpressApplication,
    readonly baseUrl: string,
  ) {}

  /** `adjust` changes the test environment's configuration for this API only. */
  static async start(adjust: (config: AppConfig) => AppConfig = (config) => config): Promise<TestApi> {
    const app = await createApiApp(adjust(loadConfig()));
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    return new TestApi(app, `http://127.0.0.1:${port}`);
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  get temporal(): Client {
    return this.app.get(Client);
  }

  async newAccount(label = 'account'): Promise<TestAccount> {
    const account = await bootstrapAccount(this.dataSource, {
      accountName: `${label} ${randomUUID().slice(0, 8)}`,
      ownerEmail: `owner-${randomUUID()}@relance.test`,
      ownerName: 'Owner',
    });
    return { ...account, call: (method, path, body) => this.request(method, path, { key: account.apiKey, body }) };
  }

  async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
    let payload: string | undefined = options.rawBody;
    if (payload === undefined && options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const text = await response.text();
    const body = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    this.noteWorkflows(method, path, response.status, body);
    return { status: response.status, body, headers: response.headers, text };
  }

  /** Terminates every workflow this API started for the suite, then closes the app. */
  async close(): Promise<void> {
    for (const workflowId of this.startedWorkflows) {
      await this.temporal.workflow
        .getHandle(workflowId)
        .terminate('test finished')
        .catch((error: unknown) => {
          if (!(error instanceof WorkflowNotFoundError)) throw error;
        });
    }
    await this.app.close();
  }

  private noteWorkflows(method: string, path: string, status: number, body: any): void {
    if (method !== 'POST') return;
    if (path === '/v1/mailboxes' && status === 201) this.startedWorkflows.add(mailboxSyncWorkflowId(body.id));
    if (/^\/v1\/campaigns\/[^/]+\/launch$/.test(path) && status === 202) this.startedWorkflows.add(body.workflowId);
    if (/^\/v1\/prospect-suggestions\/[^/]+\/accept$/.test(path) && status === 201 && body.enrollment) {
      this.startedWorkflows.add(body.enrollment.workflowId);
    }
  }
}
