import type { DataSource } from 'typeorm';
import type { AppConfig } from '@relance/config';
import {
  EnrollmentRepository, InboundRepository, MailboxRepository, OutboxRepository, SequenceControlRepository, SuppressionRepository,
} from '@relance/db';
import { MailboxCredentials, MailboxSync } from '@relance/mailboxes';
import { BounceGuard } from '@relance/sequencing';
import { LastLookBeforeSend } from '@relance/sending';
import type { SentCopyKeeper } from '@relance/sending';

/** The worker's last look before a send, built by hand for tests that drive a StepSender themselves. */
export function lastLookBeforeSend(
  config: AppConfig,
  dataSource: DataSource,
  parts: { outbox: OutboxRepository; mailboxes: MailboxRepository; credentials: MailboxCredentials; sentCopies: SentCopyKeeper },
): LastLookBeforeSend {
  const inbound = new InboundRepository(dataSource, new SuppressionRepository(dataSource));
  const bounceGuard = new BounceGuard(config, new EnrollmentRepository(dataSource), new SequenceControlRepository(dataSource));
  const sync = new MailboxSync(config, parts.mailboxes, inbound, parts.credentials, bounceGuard);
  return new LastLookBeforeSend(config, parts.outbox, parts.mailboxes, parts.sentCopies, sync);
}
