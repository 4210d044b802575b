export * from './time-zone-names';
export * from './canonical-time-zone';
