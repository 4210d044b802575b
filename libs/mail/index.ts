export type { SmtpSettings, ImapSettings } from './mail-settings';
export { MailError, redactAddresses, type MailErrorCode, type MailErrorDetails } from './mail-error';
export { buildMessageId, normalizeMessageId, parseMessageIdList } from './message-id';
export { SmtpSender, type MailAddress, type OutgoingMail, type SendResult, type SmtpSenderOptions } from './smtp-sender';
export { toSmtpError, isPermanentReply } from './smtp-errors';
export { parseInboundMail, CLASSIFICATION_HEADERS, type InboundMail } from './inbound-mail';
export {
  readNewMessages,
  verifyImap,
  appendMessage,
  type ImapCheckpoint,
  type ReadOptions,
  type ReadResult,
  type AppendResult,
} from './imap-reader';
export { candidateMessageIds } from './reply-matching';
export { copyToSent, sentFolderHolds } from './sent-folder';
export { SentFolderConnections, type SentFolderConnectionsOptions } from './sent-folder-connections';
export { peekInbox, type InboxPeek } from './inbox-peek';
export {
  connectionTarget, PrivateHostError, type ConnectionTarget, type HostLookup, type MailNetworkPolicy,
} from './connection-target';
