export * from './calendar-wait';
export * from './pacing';
export * from './sending-days';
export * from './sending-window';
export * from './wait-duration';
export * from './wall-clock';
