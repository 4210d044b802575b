import { Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail';

/** The audit trail, for the API and the worker (DbModule is global and provides its repository). */
@Module({ providers: [AuditTrail], exports: [AuditTrail] })
export class AuditModule {}
