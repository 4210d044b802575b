export * from './activities.contract';
export * from './campaign-launch.contract';
export * from './enrollment.contract';
export * from './mailbox-sync.contract';
export * from './soft-bounce-resend.contract';
export * from './task-queues';
export * from './workflow-ids';
export * from './campaign-control.contract';
