import { bounce, type CorpusMessage } from './corpus-case';
import { exchangeDsn, gmailDsn, postfixDsn, sendmailDsn, sesDsn } from './render-dsn';
import { eximText, localizedText, qmailText, yahooText } from './render-text';

const delayed = { action: 'delayed' } as const;

/** Bounces the recipient's side will get over: retried later on the soft-bounce path, never suppressed. */
export const RETRY_LATER: CorpusMessage[] = [
  // mailbox_full
  bounce('generic 5.0.0 refined to 5.2.2', postfixDsn, '5.0.0', '552 5.2.2 <jane@prospect.example>: Recipient address rejected: Mailbox full', ['mailbox_full', '5.2.2', 'retry']),
  bounce('gmail remote out of storage', postfixDsn, '4.2.2', "452-4.2.2 The recipient's inbox is out of storage space. Please direct 452-4.2.2 the recipient to https://support.google.com/mail/?p=OverQuotaTemp", ['mailbox_full', '4.2.2', 'retry'], delayed),
  bounce('gmail remote over quota', postfixDsn, '5.2.2', '552-5.2.2 The email account that you tried to reach is over quota. https://support.google.com/mail/?p=OverQuotaPerm', ['mailbox_full', '5.2.2', 'retry']),
  bounce('qmail over quota', qmailText, null, 'The users mailfolder is over the allowed quota (size). (#5.2.2)', ['mailbox_full', '5.2.2', 'retry']),
  bounce('exim quota exceeded', eximText, null, 'SMTP error from remote mail server after RCPT TO:<jane@prospect.example>: 552 5.2.2 Quota exceeded (mailbox for user is full)', ['mailbox_full', '5.2.2', 'retry']),
  bounce('yahoo over quota', yahooText, null, '554 delivery error: dd Sorry, your message to jane@yahoo.example cannot be delivered. This account is over quota.', ['mailbox_full', null, 'retry']),
  bounce('sendmail 5.0.0 refined mailbox full', sendmailDsn, '5.0.0', '552 5.2.2 <jane@prospect.example>... Mailbox full', ['mailbox_full', '5.2.2', 'retry']),
  bounce('ses 4.0.0 refined mailbox full', sesDsn, '4.0.0', '452 4.2.2 Mailbox full', ['mailbox_full', '4.2.2', 'retry'], delayed),
  bounce('french mailbox full', localizedText, null, 'Boîte aux lettres pleine', ['mailbox_full', null, 'retry'], { language: 'fr' }),
  bounce('german mailbox full', localizedText, null, '552 Postfach voll', ['mailbox_full', null, 'retry'], { language: 'de' }),
  bounce('spanish mailbox full', localizedText, null, 'Buzón lleno', ['mailbox_full', null, 'retry'], { language: 'es' }),
  bounce('italian mailbox full', localizedText, null, 'La casella di posta è piena', ['mailbox_full', null, 'retry'], { language: 'it' }),
  bounce('dutch mailbox full', localizedText, null, 'Mailbox is vol', ['mailbox_full', null, 'retry'], { language: 'nl' }),
  bounce('portuguese mailbox full', localizedText, null, 'Caixa de correio cheia', ['mailbox_full', null, 'retry'], { language: 'pt' }),

  // message_too_big
  bounce('postfix size exceeds limit', postfixDsn, '5.3.4', '552 5.3.4 Message size exceeds fixed limit', ['message_too_big', '5.3.4', 'retry']),
  bounce('gmail remote size limits', postfixDsn, '5.2.3', "552-5.2.3 Your message exceeded Google's message size limits. https://support.google.com/mail/?p=MaxSizeError", ['message_too_big', '5.2.3', 'retry']),
  bounce('exchange size maximum', exchangeDsn, '5.3.4', '552 5.3.4 Message size exceeds fixed maximum message size', ['message_too_big', '5.3.4', 'retry']),
  bounce('exim message too big', eximText, null, 'SMTP error from remote mail server after MAIL FROM:<paul@seller.example> SIZE=52428800: 552 Message size exceeds maximum permitted', ['message_too_big', null, 'retry']),
  bounce('german message too big', localizedText, null, 'Die Nachricht ist zu groß', ['message_too_big', null, 'retry'], { language: 'de' }),

  // expired_in_queue
  bounce('sendmail expired 5 days', sendmailDsn, '4.4.7', 'Message could not be delivered for 5 days', ['expired_in_queue', '4.4.7', 'retry']),
  bounce('exim retry timeout', eximText, null, 'retry timeout exceeded', ['expired_in_queue', null, 'retry']),
  bounce('qmail queue too long', qmailText, null, "I'm not going to try again; this message has been in the queue too long.", ['expired_in_queue', null, 'retry']),
  bounce('exchange message expired', exchangeDsn, '4.4.7', '550 4.4.7 Message expired', ['expired_in_queue', '4.4.7', 'retry']),

  // rate_limited
  bounce('gmail remote receiving rate', postfixDsn, '4.2.1', '452-4.2.1 The user you are trying to contact is receiving mail at a rate that 452 4.2.1 prevents additional messages from being delivered.', ['rate_limited', '4.2.1', 'retry'], delayed),
  bounce('postfix too many connections', postfixDsn, '4.7.0', '421 4.7.0 Too many connections from your IP, try again later', ['rate_limited', '4.7.0', 'retry'], delayed),
  bounce('exchange too many recipients', exchangeDsn, '4.5.3', '452 4.5.3 Too many recipients', ['rate_limited', '4.5.3', 'retry'], delayed),
  bounce('ses throttling', sesDsn, null, '454 Throttling failure: Maximum sending rate exceeded.', ['rate_limited', null, 'retry']),
  bounce('german too many connections', localizedText, null, '421 Zu viele Verbindungen, bitte später erneut versuchen', ['rate_limited', null, 'retry'], { language: 'de' }),

  // greylisted
  bounce('postgrey greylisted', postfixDsn, '4.2.0', '450 4.2.0 <jane@prospect.example>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/prospect.example.html', ['greylisted', '4.2.0', 'retry'], delayed),
  bounce('exim greylisting', eximText, null, '451 4.7.1 Greylisting in action, please come back later', ['greylisted', '4.7.1', 'retry'], delayed),
  bounce('sendmail greylisted', sendmailDsn, '4.7.1', '451 4.7.1 Please try again later (greylisted)', ['greylisted', '4.7.1', 'retry'], delayed),

  // temporary_failure
  bounce('postfix try again later', postfixDsn, '4.0.0', '450 4.0.0 Try again later', ['temporary_failure', '4.0.0', 'retry'], delayed),
  bounce('gmail remote try again later', gmailDsn, '4.7.0', '421-4.7.0 Try again later, closing connection. (EHLO)', ['temporary_failure', '4.7.0', 'retry'], delayed),
  bounce('sendmail deferred no status', sendmailDsn, null, '451 Requested action aborted: try again later', ['temporary_failure', null, 'retry'], delayed),
  bounce('postfix 4.1.1 never suppresses', postfixDsn, '4.1.1', '450 4.1.1 <jane@prospect.example>: Recipient address rejected: User unknown in local recipient table', ['temporary_failure', '4.1.1', 'retry'], delayed),

  // network_error
  bounce('postfix connection timed out', postfixDsn, '4.4.1', 'connect to mx1.prospect.example[192.0.2.10]:25: Connection timed out', ['network_error', '4.4.1', 'retry'], { ...delayed, diagnosticType: 'x-postfix' }),
  bounce('postfix lost connection', postfixDsn, '4.4.2', 'lost connection with mx1.prospect.example[192.0.2.10] while receiving the initial server greeting', ['network_error', '4.4.2', 'retry'], { ...delayed, diagnosticType: 'x-postfix' }),
  bounce('exchange dns query failed', exchangeDsn, '4.4.0', '451 4.4.0 DNS query failed', ['network_error', '4.4.0', 'retry'], delayed),

  // system_error
  bounce('sendmail too many hops', sendmailDsn, '5.4.6', '554 5.4.6 Too many hops 26 (25 max)', ['system_error', '5.4.6', 'retry']),
  bounce('qmail looping', qmailText, null, 'This message is looping: it already has my Delivered-To line. (#5.4.6)', ['system_error', '5.4.6', 'retry']),
  bounce('postfix queue file write error', postfixDsn, '4.3.0', '451 4.3.0 Error: queue file write error', ['system_error', '4.3.0', 'retry'], delayed),
  bounce('exchange internal error', exchangeDsn, '5.3.0', '554 5.3.0 Internal error', ['system_error', '5.3.0', 'retry']),
];
