export * from './claim-decision';
export * from './compose-message';
export * from './last-look.service';
export * from './sent-copy.service';
export * from './step-sender.service';
export * from './unsubscribe-headers';
