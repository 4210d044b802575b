import { Module } from '@nestjs/common';
import { AuditModule } from '../audit.module';
import { ErasureModule } from '../erasure/erasure.module';
import { AccountClosureRepository } from './account-closure.repository';
import { AccountClosureService } from './account-closure.service';
import { AccountExportRepository } from './account-export.repository';
import { AccountExportService } from './account-export.service';

/** Account export and closure, for the API and the worker (DbModule, CryptoModule, ConfigModule and TemporalModule are global). */
@Module({
  imports: [AuditModule, ErasureModule],
  providers: [AccountExportRepository, AccountExportService, AccountClosureRepository, AccountClosureService],
  exports: [AccountExportService, AccountClosureRepository, AccountClosureService],
})
export class AccountsModule {}
