export { type DailyTrafficWithRate, type OperationsSummary, OperationsService, withBounceRate, type WorkflowsSummary } from './operations-summary';
export { LONG_LIVED_TYPES, temporalUiLink, visibilityStatusName, type WorkflowCounts, WorkflowOverview, type WorkflowRef, WORKFLOW_TYPES } from './workflow-overview';
