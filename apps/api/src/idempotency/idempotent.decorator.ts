import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_HEADER, MAX_KEY_LENGTH } from './idempotency-rules';

export const IS_IDEMPOTENT = 'relance:idempotent';

/**
 * A create or launch route that honours `Idempotency-Key` (IdempotencyInterceptor), documented
 * in the OpenAPI document with the answers a repeat can get.
 */
export const Idempotent = () =>
  applyDecorators(
    SetMetadata(IS_IDEMPOTENT, true),
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      description:
        'A unique key of your choosing (a uuid; printable ASCII, 1 to 255 characters) that makes a retry safe. ' +
        'Within 24 hours, the same key with the same method, path and body gets the first answer again ' +
        '(same status and body, with `Idempotent-Replayed: true`) and does nothing twice; the same key with ' +
        'another request is a 422 `idempotency_key_reused`; while the first request still runs, a 409 ' +
        '`idempotency_key_in_flight` (retry later). A request that failed keeps nothing: retrying it with ' +
        'the same key runs it again. Keys are your account\'s own; an invalid one is a 400.',
      schema: { type: 'string', minLength: 1, maxLength: MAX_KEY_LENGTH, example: '4f1c6a2e-7d1b-4a4e-9c3f-0d2b8e6f1a77' },
    }),
  );
