import { Module } from '@nestjs/common';
import { ApiRateLimiter } from './api-rate-limiter';
import { PublicRateLimiter } from './public-rate-limiter';

/** The per-key request budgets the API key guard enforces, and the per-IP brake of public routes that mail. */
@Module({ providers: [ApiRateLimiter, PublicRateLimiter], exports: [ApiRateLimiter, PublicRateLimiter] })
export class RateLimitsModule {}
