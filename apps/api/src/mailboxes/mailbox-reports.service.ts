import { Inject, Injectable } from '@nestjs/common';
import { InboundRepository } from '@relance/db/repositories/inbound.repository';
import { MailboxRepository } from '@relance/db/repositories/mailbox.repository';
import type { UnmatchedReportRow } from '@relance/db/repositories/unmatched-inbound';
import { DomainError } from '@relance/errors';

/** The delivery reports a mailbox received that stopped nothing, for someone to look at. */
@Injectable()
export class MailboxReportsService {
  constructor(
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
    @Inject(InboundRepository) private readonly inbound: InboundRepository,
  ) {}

  async unmatched(accountId: string, mailboxId: string): Promise<UnmatchedReportRow[]> {
    if (!(await this.mailboxes.findForAccount(accountId, mailboxId))) throw DomainError.notFound('mailbox', mailboxId);
    return this.inbound.unmatchedReports(accountId, { mailboxId });
  }
}
