import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WorkflowNotFoundError } from '@temporalio/client';
import { loadConfig } from '@relance/config';
import { accountExportWorkflowId } from '@relance/temporal/contracts';
import { startSmtpCapture, type SmtpCapture } from '../../harness/smtp-capture';
import { operationsOf, type Operation } from '../../support/openapi/completeness';
import { TestApi, type TestAccount } from '../../support/test-api';
import { FIXTURES, type IsolationContext, type OwnedResource } from './tenant-isolation-fixtures';

/**
 * Routes that legitimately answer another account with something else than 404, and why.
 * (Keyed `METHOD /path` as in the OpenAPI document.)
 */
const ANSWERS_OTHERWISE: Record<string, { status: number; reason: string }> = {};

/**
 * Generated from the OpenAPI document: every customer route (/v1, API key, not staff) that
 * takes an id is called by account B with account A's id, with every method it has. Each
 * attempt is a 404 `not_found` (whether the id exists elsewhere does not leak) and A's row is
 * the same afterwards. A new route is covered without editing this file.
 */
describe('tenant isolation', () => {
  let api: TestApi;
  let smtp: SmtpCapture;
  let owner: TestAccount;
  let intruder: TestAccount;
  let routes: Operation[];
  const shared = new Map<string, Promise<string>>();
  const resources = new Map<string, Promise<OwnedResource>>();
  let context: IsolationContext;

  before(async () => {
    [api, smtp] = await Promise.all([TestApi.start(), startSmtpCapture()]);
    owner = await api.newAccount('isolation owner');
    intruder = await api.newAccount('isolation intruder');
    const document = (await api.request('GET', '/docs-json')).body;
    routes = operationsOf(document).filter(takesACustomersId);
    context = {
      api, smtp, owner,
      once: (key, make) => {
        if (!shared.has(key)) shared.set(key, make());
        return shared.get(key) as Promise<string>;
      },
    };
  });
  after(async () => {
    for (const [kind, resource] of resources) {
      if (kind === 'exports') await terminate(accountExportWorkflowId((await resource).id));
    }
    await api?.close();
    await smtp?.stop();
    if (owner) await rm(resolve(loadConfig().imports.dir, owner.accountId), { recursive: true, force: true });
  });

  async function terminate(workflowId: string): Promise<void> {
    await api.temporal.workflow.getHandle(workflowId).terminate('test finished').catch((error: unknown) => {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    });
  }

  function resourceOf(kind: string): Promise<OwnedResource> {
    if (!resources.has(kind)) resources.set(kind, FIXTURES[kind](context));
    return resources.get(kind) as Promise<OwnedResource>;
  }

  const rowOf = async ({ table, id }: OwnedResource) =>
    (await api.dataSource.query(`SELECT row_to_json(t)::text AS row FROM "${table}" t WHERE id = $1`, [id]))[0]?.row;

  it('finds the routes to try in the document', () => {
    const names = routes.map((route) => route.name);
    for (const expected of ['GET /v1/prospects/{id}', 'PATCH /v1/mailboxes/{id}', 'DELETE /v1/suppressions/{id}']) {
      assert.ok(names.includes(expected), `${expected} is among ${names.join(', ')}`);
    }
  });

  it('has a fixture for the kind of every route that takes an id', () => {
    const missing = routes.filter((route) => !FIXTURES[kindOf(route)])
      .map((route) => `${route.name}: add a fixture for kind "${kindOf(route)}" to tests/e2e/api/tenant-isolation-fixtures.ts`);
    assert.deepEqual(missing, []);
  });

  it('answers 404 to another account on every method of those routes, and changes nothing', async () => {
    const failures: string[] = [];
    const before = new Map<string, string>();
    for (const route of routes.filter((r) => FIXTURES[kindOf(r)])) {
      const resource = await resourceOf(kindOf(route));
      before.set(resource.table + resource.id, await rowOf(resource));
      const { url, missing } = urlFor(route, resource);
      if (missing.length) {
        failures.push(`${route.name}: the "${kindOf(route)}" fixture gives no ${missing.join(', ')}`);
        continue;
      }
      const res = await api.request(route.method.toUpperCase(), url, { key: intruder.apiKey, body: bodyFor(route) });
      const expected = ANSWERS_OTHERWISE[route.name]?.status ?? 404;
      if (res.status !== expected || (expected === 404 && res.body?.error?.code !== 'not_found')) {
        failures.push(`${route.name}: account B got ${res.status} ${res.text.slice(0, 200)} (expected ${expected})`);
      }
      // The same read by the owner works: the 404 above is about the account, not a wrong id.
      if (route.method === 'get') {
        const own = await api.request('GET', url, { key: owner.apiKey });
        if (own.status >= 300) failures.push(`${route.name}: the owner itself got ${own.status} ${own.text.slice(0, 200)}`);
      }
    }
    for (const [kind, pending] of resources) {
      const resource = await pending;
      if ((await rowOf(resource)) !== before.get(resource.table + resource.id)) failures.push(`${kind} ${resource.id} changed`);
    }
    assert.deepEqual(failures, []);
  });
});

const isUuidParameter = (parameter: any) => parameter.in === 'path' && parameter.schema?.format === 'uuid';

function takesACustomersId(operation: Operation): boolean {
  const security: Record<string, unknown>[] = operation.spec.security ?? [];
  return operation.path.startsWith('/v1/') && !operation.path.startsWith('/v1/staff/')
    && security.some((requirement) => 'api-key' in requirement)
    && (operation.spec.parameters ?? []).some(isUuidParameter);
}

/** The path segment before the route's first id: `/v1/campaigns/{id}/launch` → campaigns. */
function kindOf(operation: Operation): string {
  const segments = operation.path.split('/');
  const first = (operation.spec.parameters ?? []).find(isUuidParameter);
  return segments[segments.indexOf(`{${first.name}}`) - 1];
}

/**
 * Ids from the fixture; other path parameters (a tag, an action) and required query parameters
 * from the document's examples.
 */
function urlFor(operation: Operation, resource: OwnedResource): { url: string; missing: string[] } {
  const missing: string[] = [];
  const valueOf = (parameter: any): string | undefined => {
    const value = isUuidParameter(parameter) || parameter.schema?.format === 'uuid'
      ? resource.params[parameter.name]
      : parameter.example ?? parameter.schema?.example ?? parameter.schema?.enum?.[0];
    if (value === undefined) missing.push(parameter.name);
    return value === undefined ? undefined : String(value);
  };
  const parameters: any[] = operation.spec.parameters ?? [];
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(valueOf(parameters.find((p) => p.in === 'path' && p.name === name) ?? { name }) ?? ''));
  const query = new URLSearchParams();
  for (const parameter of parameters.filter((p) => p.in === 'query' && p.required)) query.set(parameter.name, valueOf(parameter) ?? '');
  return { url: query.size ? `${path}?${query}` : path, missing };
}

/** The document's own example body: a valid request, so only the account can make it fail. */
function bodyFor(operation: Operation): unknown {
  const media = operation.spec.requestBody?.content?.['application/json'];
  return media && ('example' in media ? media.example : Object.values<any>(media.examples ?? {})[0]?.value);
}
