import { Module } from '@nestjs/common';
import { ErasureModule } from '@relance/privacy/erasure/erasure.module';
import { SuppressionModule } from '@relance/privacy/suppression.module';
import { ProspectForgetService } from './prospect-forget.service';
import { StaffProspectsController } from './staff-prospects.controller';
import { ProspectsController } from './prospects.controller';
import { ProspectsService } from './prospects.service';

@Module({ imports: [SuppressionModule, ErasureModule], controllers: [ProspectsController, StaffProspectsController], providers: [ProspectsService, ProspectForgetService] })
export class ProspectsModule {}
