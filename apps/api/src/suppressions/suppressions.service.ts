import { Inject, Injectable } from '@nestjs/common';
import type { Suppression } from '@relance/db/entities/suppression.entity';
import { SuppressionRepository } from '@relance/db/repositories/suppression.repository';
import { DomainError } from '@relance/errors';
import { SuppressionCheck, SuppressionService } from '@relance/privacy';
import { invalidCursor } from '../common/pagination';
import { EnrollmentSignals } from '../workflows/enrollment-signals.service';
import type { CreateSuppressionDto } from './dto/create-suppression.dto';

const DEFAULT_PAGE = 50;

/**
 * Entries the person made themselves (an unsubscribe, a spam complaint) are an objection to
 * direct marketing: no rep may lift them, only the person opting in again.
 */
const PERSON_S_OWN = new Set(['unsubscribed', 'complaint']);

@Injectable()
export class SuppressionsService {
  constructor(
    @Inject(SuppressionService) private readonly suppression: SuppressionService,
    @Inject(SuppressionRepository) private readonly suppressions: SuppressionRepository,
    @Inject(EnrollmentSignals) private readonly signals: EnrollmentSignals,
  ) {}

  /**
   * Adds a manual entry (one the account already has is returned as it is) and ends the
   * sequences it now forbids; their workflows are told at once.
   */
  async add(accountId: string, input: CreateSuppressionDto): Promise<{ suppression: Suppression; created: boolean }> {
    const { suppression, created, stoppedWorkflowIds } = input.email !== undefined
      ? await this.suppression.suppressEmail(accountId, input.email, 'manual')
      : await this.suppression.suppressDomain(accountId, input.domain!, 'manual');
    await this.signals.stop(stoppedWorkflowIds, 'prospect_suppressed');
    return { suppression, created };
  }

  check(accountId: string, email: string): Promise<SuppressionCheck> {
    return this.suppression.isSuppressed(accountId, email);
  }

  async list(accountId: string, query: { kind?: 'email' | 'domain'; limit?: number; after?: string }) {
    const page = await this.suppressions.listPage(accountId, {
      kind: query.kind, limit: query.limit ?? DEFAULT_PAGE, afterId: query.after,
    });
    if (!page) throw invalidCursor('a suppression of this account');
    return page;
  }

  async remove(accountId: string, id: string): Promise<void> {
    const entry = await this.suppressions.findForAccount(accountId, id);
    if (!entry) throw DomainError.notFound('suppression', id);
    if (PERSON_S_OWN.has(entry.reason)) {
      throw new DomainError('conflict', `this entry records the person's own request (${entry.reason}) and cannot be removed`);
    }
    await this.suppressions.deleteForAccount(accountId, id);
  }
}
