import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relance/config';
import { DomainError, DomainErrorCode, FieldProblem } from '@relance/errors';
import { ImapSettings, MailError, PrivateHostError, SmtpSender, SmtpSettings, verifyImap } from '@relance/mail';

const PASSED_THROUGH = new Set<string>([
  'smtp_unreachable', 'smtp_tls_failed', 'smtp_auth_failed', 'smtp_timeout',
  'imap_unreachable', 'imap_auth_failed', 'imap_timeout', 'imap_mailbox_missing',
]);

/**
 * Logs in to both servers before a mailbox is saved, so a typo shows up in the form rather
 * than as failed sends days later. Both checks run at once; SMTP's failure is reported first.
 * A host on this machine or a private network (when MAIL_PRIVATE_HOSTS denies them) is
 * refused by the connection itself, before any packet: a 400 naming the field. Every later
 * connection (sends, syncs) judges the host again, as it resolves then.
 */
@Injectable()
export class MailboxVerifier {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SmtpSender) private readonly smtp: SmtpSender,
  ) {}

  async verify(smtp: SmtpSettings, imap: ImapSettings): Promise<void> {
    const network = { allowPrivateHosts: this.config.mail.allowPrivateHosts };
    const results = await Promise.allSettled([
      this.smtp.verify(smtp, this.config.mail.smtpTimeoutMs),
      verifyImap(imap, { timeoutMs: this.config.mail.imapTimeoutMs, network }),
    ]);
    const failures = results.flatMap((result, i) =>
      result.status === 'rejected' ? [{ field: i === 0 ? 'smtp' : 'imap', reason: result.reason as unknown }] : [],
    );
    const privateHosts = failures.flatMap(({ field, reason }) => (reason instanceof PrivateHostError ? [privateHostProblem(field, reason)] : []));
    if (privateHosts.length > 0) throw DomainError.validation(privateHosts);
    if (failures.length === 0) return;
    const errors = failures.map(({ field, reason }) => ({ field, error: toDomainError(reason, field as 'smtp' | 'imap') }));
    const [first] = errors;
    throw new DomainError(first.error.code, first.error.message, {
      field: first.field,
      details: errors.map(({ field, error }) => ({ field, message: error.message })),
    });
  }
}

function privateHostProblem(protocol: string, error: PrivateHostError): FieldProblem {
  const field = `${protocol}.host`;
  const where = error.address === error.host ? error.host : `${error.host} (${error.address})`;
  return {
    field,
    message:
      `${field} ${where} is on this machine or a private network, where this server does not connect ` +
      '(its operator can allow it with MAIL_PRIVATE_HOSTS=allow)',
  };
}

function toDomainError(error: unknown, protocol: 'smtp' | 'imap'): DomainError {
  if (error instanceof MailError) {
    const code = (PASSED_THROUGH.has(error.code) ? error.code : `${protocol}_failed`) as DomainErrorCode;
    return new DomainError(code, error.message);
  }
  // Not a MailError: a bug rather than a server's answer; let the filter log it.
  throw error;
}
