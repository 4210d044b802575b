import { Module } from '@nestjs/common';
import { SuppressionModule } from '@relance/privacy/suppression.module';
import { ProspectsController } from './prospects.controller';
import { ProspectsService } from './prospects.service';

@Module({ imports: [SuppressionModule], controllers: [ProspectsController], providers: [ProspectsService] })
export class ProspectsModule {}
