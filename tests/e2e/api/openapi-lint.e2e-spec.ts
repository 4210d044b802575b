import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestApi } from '../../support/test-api';

/**
 * The document at /docs-json passes Redocly's `recommended` ruleset with no error, so the
 * tools clients generate code with read it as we mean it. Warnings are printed, not failed.
 */
describe('OpenAPI document lint (Redocly recommended)', () => {
  let api: TestApi;
  let source: string;

  before(async () => {
    api = await TestApi.start();
    const res = await api.request('GET', '/docs-json');
    assert.equal(res.status, 200);
    source = res.text;
  });
  after(() => api?.close());

  it('has no error', async () => {
    const { createConfig, lintFromString } = await import('@redocly/openapi-core');
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: 'relance-openapi.json', config });
    const describe = (problem: (typeof problems)[number]) =>
      `${problem.ruleId} at ${problem.location[0]?.pointer ?? '?'}: ${problem.message}`;
    const warnings = problems.filter((problem) => problem.severity === 'warn');
    console.log(`Redocly recommended: ${warnings.length} warning(s)${warnings.length ? `:\n${warnings.map(describe).join('\n')}` : ''}`);
    const errors = problems.filter((problem) => problem.severity === 'error').map(describe);
    assert.deepEqual(errors, [], `${errors.length} lint error(s):\n${errors.join('\n')}`);
  });
});
