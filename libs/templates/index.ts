export * from './template-data';
export * from './templates';
export * from './variants';
