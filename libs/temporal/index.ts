export * from './contracts';
export { connectTemporalClient, TemporalClientHandle } from './client';
export { createDataConverter } from './data-converter';
export { TemporalModule } from './temporal.module';
