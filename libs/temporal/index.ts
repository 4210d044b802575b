export * from './contracts';
export { connectTemporalClient, TemporalClientHandle } from './client';
export { createDataConverter, FAILURE_CONVERTER_PATH } from './data-converter';
export { TemporalModule } from './temporal.module';
