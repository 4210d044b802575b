import { Module } from '@nestjs/common';
import { RetentionRunRepository } from '@relance/privacy/retention/retention-run.repository';
import { RetentionRunsController } from './retention-runs.controller';
import { RetentionRunsService } from './retention-runs.service';

@Module({ controllers: [RetentionRunsController], providers: [RetentionRunRepository, RetentionRunsService] })
export class RetentionRunsModule {}
