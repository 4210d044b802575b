import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { TemporalProbe } from './temporal-probe';

@Module({ controllers: [HealthController], providers: [HealthService, TemporalProbe] })
export class HealthModule {}
