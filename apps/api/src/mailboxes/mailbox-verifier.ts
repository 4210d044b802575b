import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../../../libs/config';
import { DomainError, DomainErrorCode, FieldProblem } from '../../../../libs/errors';
import { ImapSettings, MailError, SmtpSender, SmtpSettings, verifyImap } from '../../../../libs/mail';
import { nonPublicAddressOf } from '../../../../libs/mail/private-address';

const PASSED_THROUGH = new Set<string>([
  'smtp_unreachable', 'smtp_tls_failed', 'smtp_auth_failed', 'smtp_timeout',
  'imap_unreachable', 'imap_auth_failed', 'imap_timeout', 'imap_mailbox_missing',
]);

/**
 * Logs in to both servers before a mailbox is saved, so a typo shows up in the form rather
 * than as failed sends days later. Both checks run at once; SMTP's failure is reported first.
 */
@Injectable()
export class MailboxVerifier {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SmtpSender) private readonly smtp: SmtpSender,
  ) {}

  async verify(smtp: SmtpSettings, imap: ImapSettings): Promise<void> {
    if (!this.config.mail.allowPrivateHosts) await refuseNonPublicHosts({ smtp, imap });
    const results = await Promise.allSettled([
      this.smtp.verify(smtp, this.config.mail.smtpTimeoutMs),
      verifyImap(imap, this.config.mail.imapTimeoutMs),
    ]);
    const failures = results.flatMap((result, i) => {
      if (result.status === 'fulfilled') return [];
      const field = i === 0 ? 'smtp' : 'imap';
      return [{ field, error: toDomainError(result.reason, field) }];
    });
    if (failures.length === 0) return;
    const [first] = failures;
    throw new DomainError(first.error.code, first.error.message, {
      field: first.field,
      details: failures.map(({ field, error }) => ({ field, message: error.message })),
    });
  }
}

/** Before any connection: a refused or timed-out probe would itself tell what listens there. */
async function refuseNonPublicHosts(servers: { smtp: SmtpSettings; imap: ImapSettings }): Promise<void> {
  const problems: FieldProblem[] = [];
  for (const [protocol, settings] of Object.entries(servers)) {
    const address = await nonPublicAddressOf(settings.host);
    if (!address) continue;
    const field = `${protocol}.host`;
    const where = address === settings.host ? address : `${settings.host} (${address})`;
    problems.push({
      field,
      message:
        `${field} ${where} is on this machine or a private network, where this server does not connect ` +
        '(its operator can allow it with MAIL_PRIVATE_HOSTS=allow)',
    });
  }
  if (problems.length > 0) throw DomainError.validation(problems);
}

function toDomainError(error: unknown, protocol: 'smtp' | 'imap'): DomainError {
  if (error instanceof MailError) {
    const code = (PASSED_THROUGH.has(error.code) ? error.code : `${protocol}_failed`) as DomainErrorCode;
    return new DomainError(code, error.message);
  }
  // Not a MailError: a bug rather than a server's answer; let the filter log it.
  throw error;
}
