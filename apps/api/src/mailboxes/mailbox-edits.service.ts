import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { SealedSecret, Vault } from '@relance/crypto';
import type { Mailbox } from '@relance/db/entities/mailbox.entity';
import { CampaignRepository } from '@relance/db/repositories/campaign.repository';
import { MailboxRepository, PaceRebase } from '@relance/db/repositories/mailbox.repository';
import { DomainError, FieldProblem } from '@relance/errors';
import type { ImapSettings, SmtpSettings } from '@relance/mail';
import { MailboxCredentials } from '@relance/mailboxes/mailbox-credentials.service';
import { paceAfterZoneChange, startOfLocalDay } from '@relance/scheduling';
import { API_LOGGER } from '../common/logger.module';
import { sendingWindowProblems } from '../common/sending-window-problems';
import { WorkflowStarter } from '../workflows/workflow-starter.service';
import type { UpdateMailboxDto } from './dto/update-mailbox.dto';
import { MailboxVerifier } from './mailbox-verifier';

/** The one field an update may set to null: no window of its own (any time). */
const NULLABLE = new Set(['sendingWindow']);

/**
 * Changes a mailbox after its creation. New server settings or passwords are verified by
 * logging in before anything is saved, and the passwords are sealed again; everything then
 * changes in one transaction. Senders and kept IMAP connections key by a fingerprint of the
 * settings they read at each use, so none keeps the old ones.
 */
@Injectable()
export class MailboxEditsService {
  constructor(
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
    @Inject(CampaignRepository) private readonly campaigns: CampaignRepository,
    @Inject(MailboxVerifier) private readonly verifier: MailboxVerifier,
    @Inject(MailboxCredentials) private readonly credentials: MailboxCredentials,
    @Inject(Vault) private readonly vault: Vault,
    @Inject(WorkflowStarter) private readonly workflows: WorkflowStarter,
    @Inject(API_LOGGER) private readonly logger: Logger,
  ) {}

  async update(accountId: string, id: string, input: UpdateMailboxDto): Promise<Mailbox> {
    const mailbox = await this.mailboxes.findForAccount(accountId, id);
    if (!mailbox) throw DomainError.notFound('mailbox', id);
    const problems = [
      ...nullProblems(input),
      ...(input.sendingWindow ? sendingWindowProblems(input.sendingWindow, input.timeZone ?? mailbox.timeZone) : []),
    ];
    if (problems.length > 0) throw DomainError.validation(problems);

    const servers = await this.serverChange(mailbox, input);
    const fields = { ...plainFields(input), ...servers?.fields };
    const rebasePace = input.timeZone && input.timeZone !== mailbox.timeZone ? zoneChange(mailbox.timeZone, input.timeZone) : undefined;
    const updated = await this.mailboxes.applyEdit(id, { fields, secret: servers?.secret, rebasePace });
    this.logger.info({ accountId, mailboxId: id, changed: Object.keys(fields), sealed: Boolean(servers?.secret) }, 'mailbox updated');
    // Every `disabled: false`, not only a change: a retry after a 503 here wakes them still.
    if (input.disabled === false) await this.wakeHeldSends(id);
    return updated;
  }

  /**
   * The server columns (and re-sealed passwords) an update of `smtp` / `imap` leads to, once both
   * servers accepted the login with the merged settings; null when nothing of them changes.
   */
  private async serverChange(mailbox: Mailbox, input: UpdateMailboxDto): Promise<{ fields: Partial<Mailbox>; secret?: SealedSecret } | null> {
    if (!input.smtp && !input.imap) return null;
    const [smtpNow, imapNow] = await Promise.all([this.credentials.smtp(mailbox), this.credentials.imap(mailbox)]);
    const smtp: SmtpSettings = { ...smtpNow, ...definedOf(input.smtp) };
    const imap: ImapSettings = { ...imapNow, ...definedOf(input.imap) };
    // At creation the IMAP password defaults to the SMTP one: while they are the same, a new one replaces both.
    if (input.smtp?.password !== undefined && input.imap?.password === undefined && imapNow.password === smtpNow.password) {
      imap.password = smtp.password;
    }
    if (sameSettings(smtp, smtpNow) && sameSettings(imap, imapNow)) return null;
    await this.verifier.verify(smtp, imap);

    const fields: Partial<Mailbox> = {
      smtpHost: smtp.host, smtpPort: smtp.port, smtpSecure: smtp.secure, smtpUsername: smtp.username,
      imapHost: imap.host, imapPort: imap.port, imapSecure: imap.secure, imapUsername: imap.username,
    };
    const otherImapAccount = !sameAccount(imap, imapNow);
    // Another IMAP account is another mailbox: read it from now on, not from the old one's UID.
    if (otherImapAccount) Object.assign(fields, { imapUidValidity: null, imapLastUid: 0, syncError: null, lastSyncedAt: null });
    // Whether the server files sent mail itself is learnt again: settling an interrupted send relies on it.
    if (otherImapAccount || !sameAccount(smtp, smtpNow)) fields.sentCopy = null;
    if (smtp.password === smtpNow.password && imap.password === imapNow.password) return { fields };
    const secret = MailboxCredentials.seal(this.vault, mailbox.id, { smtpPassword: smtp.password, imapPassword: imap.password });
    return { fields, secret };
  }

  /** Sends the mailbox held while disabled wait for a resume: each campaign still sending with it wakes them. */
  private async wakeHeldSends(mailboxId: string): Promise<void> {
    for (const campaignId of await this.campaigns.runningIdsWithMailbox(mailboxId)) {
      await this.workflows.wakeAfterMailboxEnabled(mailboxId, campaignId);
    }
  }
}

/** Absent means unchanged; null only where it means something (see NULLABLE). */
function nullProblems(input: UpdateMailboxDto): FieldProblem[] {
  const entries = [
    ...Object.entries(input).map(([key, value]) => [key, value] as const),
    ...(['smtp', 'imap'] as const).flatMap((server) => Object.entries(input[server] ?? {}).map(([key, value]) => [`${server}.${key}`, value] as const)),
  ];
  return entries
    .filter(([field, value]) => value === null && !NULLABLE.has(field))
    .map(([field]) => ({ field, message: `${field} cannot be null: leave it out to keep it as it is` }));
}

function plainFields(input: UpdateMailboxDto): Partial<Mailbox> {
  const { sendingWindow } = input;
  return definedOf({
    displayName: input.displayName,
    dailyLimit: input.dailyLimit,
    minSpacingSeconds: input.minSpacingSeconds,
    spacingJitterSeconds: input.spacingJitterSeconds,
    timeZone: input.timeZone,
    sendingWindow: sendingWindow && { days: sendingWindow.days, hours: sendingWindow.hours.map(({ start, end }) => ({ start, end })) },
    disabled: input.disabled,
    // Enabled again by the rep: the reason it paused itself for no longer holds.
    pauseReason: input.disabled === false ? null : undefined,
  });
}

/**
 * Today's count follows the mailbox to its new zone's today (see paceAfterZoneChange): a zone
 * change never hands out a fresh daily budget.
 */
function zoneChange(from: string, to: string): PaceRebase {
  const now = new Date();
  return {
    newDayBegan: startOfLocalDay(to, now),
    rebase: (state, sentSinceNewDayBegan) => paceAfterZoneChange(state, { from, to, now, sentSinceNewDayBegan }),
  };
}

function definedOf<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, item]) => item !== undefined)) as Partial<T>;
}

function sameSettings(a: SmtpSettings | ImapSettings, b: SmtpSettings | ImapSettings): boolean {
  return sameAccount(a, b) && a.port === b.port && a.secure === b.secure && a.password === b.password;
}

/** The same login on the same server: host names are not case-sensitive, user names may be. */
function sameAccount(a: { host: string; username: string }, b: { host: string; username: string }): boolean {
  return a.host.toLowerCase() === b.host.toLowerCase() && a.username === b.username;
}
