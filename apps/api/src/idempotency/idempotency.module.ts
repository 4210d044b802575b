import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyKeyRepository } from '@relance/db/repositories/idempotency-key.repository';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** `Idempotency-Key` on the routes marked @Idempotent (the interceptor passes the others through). */
@Module({ providers: [IdempotencyKeyRepository, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }] })
export class IdempotencyModule {}
