import { bundleWorkflowCode, type WorkflowBundleOption } from '@temporalio/worker';
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FAILURE_CONVERTER_PATH } from '@relance/temporal';

/** The compiled workflows (dist/workflows) and where `npm run build` bundles them. */
const WORKFLOWS_DIR = resolve(__dirname, '..', '..', '..', 'workflows');
export const PREBUILT_WORKFLOW_BUNDLE = resolve(WORKFLOWS_DIR, '..', 'workflows.bundle.js');

const noop = () => undefined;
const quietBundlerLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, log: noop };

/** Relance's workflows as one script for the workers' isolates (webpack: seconds of CPU). */
export async function bundleRelanceWorkflows(): Promise<{ code: string }> {
  return bundleWorkflowCode({
    workflowsPath: require.resolve(WORKFLOWS_DIR),
    // Workflow code converts its own failures: the bundle must encode them like the worker does.
    failureConverterPath: FAILURE_CONVERTER_PATH,
    // Counts failed runs (relance_workflow_failures_total) through the worker's `metrics` sink.
    workflowInterceptorModules: [require.resolve(join(WORKFLOWS_DIR, 'failure-count.interceptors'))],
    logger: { ...quietBundlerLogger },
  });
}

/**
 * The bundle `npm run build` wrote, when it is newer than the compiled workflows; otherwise one
 * bundled now. Every worker start (each test suite's, each restart) thus skips webpack, and a
 * tree recompiled without the bundling step never runs stale workflow code.
 */
export async function relanceWorkflowBundle(): Promise<WorkflowBundleOption> {
  const bundled = modifiedAt(PREBUILT_WORKFLOW_BUNDLE);
  const compiled = modifiedAt(join(WORKFLOWS_DIR, 'index.js'));
  if (bundled !== undefined && compiled !== undefined && bundled >= compiled) return { codePath: PREBUILT_WORKFLOW_BUNDLE };
  return bundleRelanceWorkflows();
}

/** Writes the bundle for relanceWorkflowBundle() to find (the build's last step). */
export async function writeWorkflowBundle(): Promise<void> {
  const { code } = await bundleRelanceWorkflows();
  await writeFile(PREBUILT_WORKFLOW_BUNDLE, code);
}

function modifiedAt(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
