export * from './bounce-guard.service';
export * from './campaign-control.service';
export * from './campaign-launcher.service';
export * from './conditions';
export * from './step-plan';
