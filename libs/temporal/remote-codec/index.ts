export { codecCors } from './codec-cors';
export { MAX_PAYLOADS, payloadsFromWire, payloadsToWire, type WirePayload } from './codec-wire';
export { PayloadDecoder } from './payload-decoder';
