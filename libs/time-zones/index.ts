export * from './time-zone-names';
