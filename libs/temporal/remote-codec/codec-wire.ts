import type { Payload } from '@temporalio/common';
import { DomainError, type FieldProblem } from '@relance/errors';

/** A payload as Temporal's remote codec protocol carries it: proto3 JSON, bytes in base64. */
export interface WirePayload {
  metadata?: Record<string, string>;
  data?: string;
}

/** More than a workflow history page holds: a bigger batch is a mistake or an abuse. */
export const MAX_PAYLOADS = 1_000;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Reads `{ "payloads": [{ "metadata": { "encoding": "<base64>" }, "data": "<base64>" }] }`, the
 * body the Temporal Web UI and CLI post to a codec endpoint, into SDK payloads. Every problem is
 * named by its path (payloads.2.metadata.encoding) in one 400.
 */
export function payloadsFromWire(body: unknown): Payload[] {
  const payloads = (body as { payloads?: unknown } | null)?.payloads;
  if (!body || typeof body !== 'object' || !Array.isArray(payloads)) {
    throw DomainError.validation([{ field: 'payloads', message: 'payloads must be an array of { metadata, data } (Temporal remote codec JSON)' }]);
  }
  if (payloads.length > MAX_PAYLOADS) {
    throw DomainError.validation([{ field: 'payloads', message: `payloads holds ${payloads.length} items; at most ${MAX_PAYLOADS} per call` }]);
  }
  const problems: FieldProblem[] = [];
  const read = payloads.map((item, index) => readPayload(item, `payloads.${index}`, problems));
  if (problems.length > 0) throw DomainError.validation(problems);
  return read;
}

function readPayload(item: unknown, path: string, problems: FieldProblem[]): Payload {
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    problems.push({ field: path, message: `${path} must be an object with metadata and data` });
    return {};
  }
  const { metadata = {}, data = '' } = item as WirePayload;
  const payload: Payload = { metadata: {} };
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) {
    problems.push({ field: `${path}.metadata`, message: `${path}.metadata must be an object of base64 strings` });
  } else {
    for (const [key, value] of Object.entries(metadata)) {
      const bytes = base64(value, `${path}.metadata.${key}`, problems);
      if (bytes) payload.metadata![key] = bytes;
    }
  }
  payload.data = base64(data, `${path}.data`, problems) ?? undefined;
  return payload;
}

function base64(value: unknown, field: string, problems: FieldProblem[]): Uint8Array | null {
  if (typeof value !== 'string' || !BASE64.test(value)) {
    problems.push({ field, message: `${field} must be a base64 string` });
    return null;
  }
  return Buffer.from(value, 'base64');
}

/** SDK payloads back into the protocol's JSON. */
export function payloadsToWire(payloads: readonly Payload[]): { payloads: WirePayload[] } {
  return {
    payloads: payloads.map((payload) => ({
      metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value ?? []).toString('base64')])),
      data: Buffer.from(payload.data ?? []).toString('base64'),
    })),
  };
}
