import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { ApiKeyGuard } from './api-key.guard';

/** Makes the API key guard global: routes are private unless marked @Public, and metered. */
@Module({ imports: [RateLimitsModule], providers: [{ provide: APP_GUARD, useClass: ApiKeyGuard }] })
export class AuthModule {}
