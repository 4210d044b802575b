import { Module } from '@nestjs/common';
import { RetentionRunRepository } from '@relance/privacy/retention/retention-run.repository';
import { RetentionRunsController } from './retention-runs.controller';

@Module({ controllers: [RetentionRunsController], providers: [RetentionRunRepository] })
export class RetentionRunsModule {}
