import { Module } from '@nestjs/common';
import { SuppressionService } from './suppression';

/** The suppression list service, for the API and the worker (DbModule and ConfigModule are global). */
@Module({ providers: [SuppressionService], exports: [SuppressionService] })
export class SuppressionModule {}
