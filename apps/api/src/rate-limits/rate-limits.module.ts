import { Module } from '@nestjs/common';
import { ApiRateLimiter } from './api-rate-limiter';

/** The per-key request budgets the API key guard enforces. */
@Module({ providers: [ApiRateLimiter], exports: [ApiRateLimiter] })
export class RateLimitsModule {}
