import { Module } from '@nestjs/common';
import { ImportsModule as ImportsLibModule } from '@relance/imports/imports.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({ imports: [ImportsLibModule, WorkflowsModule], controllers: [ImportsController], providers: [ImportsService] })
export class ImportsApiModule {}
