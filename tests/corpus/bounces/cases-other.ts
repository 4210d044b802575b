import { bounce, type CorpusMessage } from './corpus-case';
import { exchangeDsn, postfixDsn, sendmailDsn } from './render-dsn';
import { eximText, localizedText, unreadableText } from './render-text';

/** Bounces that say nothing about anyone's fault, and notices with nothing readable: recorded, nothing more. */
export const NO_EFFECT: CorpusMessage[] = [
  // syntax_error
  bounce('postfix bad address syntax', postfixDsn, '5.1.3', '501 5.1.3 Bad recipient address syntax', ['syntax_error', '5.1.3', 'none']),
  bounce('sendmail user address required', sendmailDsn, '5.1.3', '553 5.1.3 <jane@@prospect.example>... User address required', ['syntax_error', '5.1.3', 'none']),
  bounce('exim malformed address', eximText, null, '501 <jane@prospect..example>: malformed address: .example may not follow jane@prospect', ['syntax_error', null, 'none']),

  // protocol_error
  bounce('postfix need mail command', postfixDsn, '5.5.1', '503 5.5.1 Error: need MAIL command', ['protocol_error', '5.5.1', 'none']),
  bounce('sendmail bare lf', sendmailDsn, '5.5.0', '554 5.5.0 Bare LF received', ['protocol_error', '5.5.0', 'none']),
  bounce('exchange command out of sequence', exchangeDsn, '5.5.2', '500 5.5.2 Command out of sequence', ['protocol_error', '5.5.2', 'none']),

  // unknown: a generic refusal names no reason and suppresses nothing.
  bounce('postfix generic rejection', postfixDsn, '5.0.0', '550 Message rejected', ['unknown', '5.0.0', 'none']),
  bounce('exchange transaction failed', exchangeDsn, '5.0.0', '554 5.0.0 Transaction failed', ['unknown', '5.0.0', 'none']),
  bounce('exchange mailbox unavailable', exchangeDsn, null, '550 Requested action not taken: mailbox unavailable', ['unknown', null, 'none']),
  bounce('outlook.com 5.5.0 mailbox unavailable', postfixDsn, '5.5.0', '550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). [AM0PR01MB1234.eurprd01.prod.example]', ['unknown', '5.5.0', 'none']),
  bounce('text failed permanently, no code', localizedText, null, 'Delivery to this recipient failed permanently.', ['unknown', null, 'none']),
  bounce('exim no code no reason', eximText, null, 'SMTP error from remote mail server after end of data: host mx.prospect.example said nothing useful', ['unknown', null, 'none']),

  // Null sender or mailer daemon, nothing readable: a bounce of unknown reason, never a reply.
  bounce('null sender postmaster unreadable', unreadableText, null, 'This is an automatically generated message. Please do not answer it.', ['unknown', null, 'none'], { language: 'en' }),
  bounce('mailer-daemon empty body', unreadableText, null, '', ['unknown', null, 'none']),
  bounce('mailer-daemon only our subject', unreadableText, null, 'Thanks, sounds good, talk on Tuesday!', ['unknown', null, 'none']),
];
