import { Module } from '@nestjs/common';
import { AuditModule } from '@relance/privacy/audit.module';
import { UsersModule } from '../users/users.module';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';

@Module({ imports: [AuditModule, UsersModule], controllers: [ApiKeysController], providers: [ApiKeysService] })
export class ApiKeysModule {}
