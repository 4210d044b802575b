import { writeWorkflowBundle, PREBUILT_WORKFLOW_BUNDLE } from '../apps/worker/src/workflow-bundle';

/**
 * The build's last step: bundles the compiled workflows once, so workers start without running
 * webpack (Temporal's advice for production; here also every test suite's stack).
 */
writeWorkflowBundle().then(
  () => undefined,
  (error: Error) => {
    console.error(`could not bundle the workflows into ${PREBUILT_WORKFLOW_BUNDLE}: ${error.message}`);
    process.exit(1);
  },
);
