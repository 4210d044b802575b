import { Inject, Injectable } from '@nestjs/common';
import { InboundRepository } from '@relance/db/repositories/inbound.repository';
import { MailboxRepository } from '@relance/db/repositories/mailbox.repository';
import type { UnmatchedReportRow } from '@relance/db/repositories/unmatched-inbound';
import type { Page } from '@relance/db/repositories/keyset-page';
import { DomainError } from '@relance/errors';
import { DEFAULT_PAGE_SIZE, type PageQuery } from '../common/page-query';
import { invalidCursor } from '../common/pagination';

/** The delivery reports a mailbox received that stopped nothing, for someone to look at. */
@Injectable()
export class MailboxReportsService {
  constructor(
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
    @Inject(InboundRepository) private readonly inbound: InboundRepository,
  ) {}

  async unmatched(accountId: string, mailboxId: string, query: PageQuery): Promise<Page<UnmatchedReportRow>> {
    if (!(await this.mailboxes.findForAccount(accountId, mailboxId))) throw DomainError.notFound('mailbox', mailboxId);
    const page = await this.inbound.unmatchedReports(accountId, { mailboxId, limit: query.limit ?? DEFAULT_PAGE_SIZE, after: query.after });
    if (!page) throw invalidCursor('an unmatched report of this mailbox');
    return page;
  }
}
