import { ApiProperty } from '@nestjs/swagger';
import type { Mailbox } from '@relance/db/entities/mailbox.entity';
import { MailboxSendingWindowDto } from './create-mailbox.dto';

export class ServerViewDto {
  @ApiProperty() host: string;
  @ApiProperty() port: number;
  @ApiProperty() secure: boolean;
  @ApiProperty() username: string;
}

/** A mailbox as the API shows it: settings without any password. */
export class MailboxDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: ServerViewDto }) smtp: ServerViewDto;
  @ApiProperty({ type: ServerViewDto }) imap: ServerViewDto;
  @ApiProperty() dailyLimit: number;
  @ApiProperty() minSpacingSeconds: number;
  @ApiProperty() spacingJitterSeconds: number;
  @ApiProperty({ example: 'Europe/Paris' }) timeZone: string;
  @ApiProperty({ type: MailboxSendingWindowDto, nullable: true, description: "On the mailbox's clock; null: any time" })
  sendingWindow: MailboxSendingWindowDto | null;
  @ApiProperty({ description: 'Sends nothing while true (replies are still read)' }) disabled: boolean;
  @ApiProperty({
    type: String, nullable: true,
    description: 'Why the mailbox disabled itself (too many bounces blaming the sender: reputation, authentication, content); `disabled: false` resumes it',
  })
  pauseReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSyncedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Last IMAP sync error, if the last sync failed' })
  syncError: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;

  static from(mailbox: Mailbox): MailboxDto {
    return {
      id: mailbox.id,
      email: mailbox.email,
      displayName: mailbox.displayName,
      smtp: { host: mailbox.smtpHost, port: mailbox.smtpPort, secure: mailbox.smtpSecure, username: mailbox.smtpUsername },
      imap: { host: mailbox.imapHost, port: mailbox.imapPort, secure: mailbox.imapSecure, username: mailbox.imapUsername },
      dailyLimit: mailbox.dailyLimit,
      minSpacingSeconds: mailbox.minSpacingSeconds,
      spacingJitterSeconds: mailbox.spacingJitterSeconds,
      timeZone: mailbox.timeZone,
      sendingWindow: mailbox.sendingWindow,
      disabled: mailbox.disabled,
      pauseReason: mailbox.pauseReason,
      lastSyncedAt: mailbox.lastSyncedAt,
      syncError: mailbox.syncError,
      createdAt: mailbox.createdAt,
    };
  }
}

export class MailboxListDto {
  @ApiProperty({ type: [MailboxDto] }) data: MailboxDto[];
}
