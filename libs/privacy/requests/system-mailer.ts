import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { redactAddresses } from '@relance/mail';

export interface SystemMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Relance's own mailbox (SYSTEM_MAIL_SMTP_URL, SYSTEM_MAIL_FROM), for mail to data subjects:
 * verification links, notices, certificates. Never a customer's mailbox: these are Relance's
 * answers as the processor, not the customer's prospecting.
 */
@Injectable()
export class SystemMailer implements OnModuleDestroy {
  private transport: Transporter | null = null;

  /** Only `systemMail` is read: the console builds one from loadSystemMailConfig. */
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'systemMail'>) {}

  /**
   * Rejects with the server's answer, addresses redacted: the error becomes an activity failure,
   * stored in the workflow's history and shown in logs, where no address may appear.
   */
  async send(mail: SystemMail): Promise<void> {
    try {
      await this.transporter().sendMail({ from: this.config.systemMail.from, to: mail.to, subject: mail.subject, text: mail.text });
    } catch (error) {
      throw new Error(`system mail not sent: ${redactAddresses((error as Error).message)}`);
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  private transporter(): Transporter {
    const url = this.config.systemMail.smtpUrl;
    if (!url) throw new Error('SYSTEM_MAIL_SMTP_URL is not set: Relance cannot mail data subjects');
    this.transport ??= createTransport(url);
    return this.transport;
  }
}
