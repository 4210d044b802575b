import { Module } from '@nestjs/common';
import { SupportModule } from '@relance/support/support.module';
import { StaffSupportController } from './staff-support.controller';
import { SupportController } from './support.controller';

@Module({ imports: [SupportModule], controllers: [SupportController, StaffSupportController] })
export class SupportApiModule {}
