import { ApiProperty } from '@nestjs/swagger';
import type { Mailbox } from '@relance/db/entities/mailbox.entity';
import { MailboxSendingWindowDto } from './create-mailbox.dto';

export class ServerViewDto {
  @ApiProperty({ example: 'smtp.example.com' }) host: string;
  @ApiProperty({ example: 587 }) port: number;
  @ApiProperty({ example: false }) secure: boolean;
  @ApiProperty({ example: 'rep@example.com' }) username: string;
}

/** A mailbox as the API shows it: settings without any password. */
export class MailboxDto {
  @ApiProperty({ example: '8a6f4c2e-1b3d-4e5f-a7b9-c0d1e2f3a4b5', format: 'uuid' }) id: string;
  @ApiProperty({ example: 'rep@example.com' }) email: string;
  @ApiProperty({ example: 'Marie Curie' }) displayName: string;
  @ApiProperty({ type: ServerViewDto }) smtp: ServerViewDto;
  @ApiProperty({ type: ServerViewDto }) imap: ServerViewDto;
  @ApiProperty({ example: 50 }) dailyLimit: number;
  @ApiProperty({ example: 90 }) minSpacingSeconds: number;
  @ApiProperty({ example: 30 }) spacingJitterSeconds: number;
  @ApiProperty({ example: 'Europe/Paris' }) timeZone: string;
  @ApiProperty({ type: MailboxSendingWindowDto, nullable: true, description: "On the mailbox's clock; null: any time" })
  sendingWindow: MailboxSendingWindowDto | null;
  @ApiProperty({ example: false, description: 'Sends nothing while true (replies are still read)' }) disabled: boolean;
  @ApiProperty({ example: 'bounce rate 9% over the last 50 sends (limit 8%)',
    type: String, nullable: true,
    description: 'Why the mailbox disabled itself (too many bounces blaming the sender: reputation, authentication, content); `disabled: false` resumes it',
  })
  pauseReason: string | null;
  @ApiProperty({ example: '2026-12-07T09:15:02.000Z', type: String, format: 'date-time', nullable: true }) lastSyncedAt: Date | null;
  @ApiProperty({ example: 'imap.example.com refused the username or password', type: String, nullable: true, description: 'Last IMAP sync error, if the last sync failed' })
  syncError: string | null;
  @ApiProperty({ example: '2026-11-02T14:03:11.000Z', type: String, format: 'date-time' }) createdAt: Date;

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
  @ApiProperty({
    type: String, nullable: true, example: '8a6f4c2e-1b3d-4e5f-a7b9-c0d1e2f3a4b5',
    description: 'Pass as `after` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
