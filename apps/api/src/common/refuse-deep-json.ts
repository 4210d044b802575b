import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from '@relance/errors';
import { depthProblem, jsonDepthExcess } from './json-depth';

/**
 * The JSON body parser's `verify` hook: refuses a body nested deeper than `maxDepth` before
 * it is parsed, so neither the parser (a megabyte of `[` is a million arrays) nor anything
 * recursive after it (class-transformer overflows the call stack) ever holds it. The error
 * reaches the exception filter as the cause of the parser's error, and is answered as a 400.
 */
export function refuseDeepJson(maxDepth: number) {
  return (_request: IncomingMessage, _response: ServerResponse, body: Buffer, encoding: string): void => {
    const excess = jsonDepthExcess(decode(body, encoding), maxDepth);
    if (excess) throw DomainError.validation([depthProblem('body', excess, maxDepth)]);
  };
}

/** body-parser checked the charset already; TextDecoder knows every one JSON is sent in but UTF-32. */
function decode(body: Buffer, encoding: string): string {
  try {
    return new TextDecoder(encoding).decode(body);
  } catch {
    throw Object.assign(new Error(`unsupported charset "${encoding.toUpperCase()}": send the body as UTF-8`), {
      status: 415,
      expose: true,
    });
  }
}
