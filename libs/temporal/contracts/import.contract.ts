export const IMPORT_WORKFLOW = 'importWorkflow';

/** Ids only: the file and its rows stay in storage and the database. */
export interface ImportInput {
  importJobId: string;
  /**
   * How long the import activity may go without a heartbeat before another worker takes it
   * over from the last committed batch (IMPORT_HEARTBEAT_TIMEOUT; tests shorten it).
   */
  heartbeatTimeoutMs: number;
}

/** What the import workflow asks of the outside world. */
export interface ImportActivities {
  /** Imports the job's file from its last committed checkpoint to the end; heartbeats `{ records, line }` per batch. */
  runImport(input: { importJobId: string }): Promise<void>;
  /** Marks the job failed with a reason for the user (after the last attempt). */
  failImport(input: { importJobId: string; reason: string }): Promise<void>;
}
