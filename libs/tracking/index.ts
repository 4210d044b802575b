export * from './tracked-html';
export * from './tracked-message';
export * from './tracking-links';
