import { bounce, type CorpusMessage } from './corpus-case';
import { exchangeDsn, gmailDsn, postfixDsn, sendmailDsn, sesDsn } from './render-dsn';
import { eximText, localizedText, qmailText, yahooText } from './render-text';

/** Bounces that say the recipient is gone: the address is suppressed. */
export const RECIPIENT_GONE: CorpusMessage[] = [
  // user_unknown
  bounce('postfix user unknown', postfixDsn, '5.1.1', '550 5.1.1 <jane@prospect.example>: Recipient address rejected: User unknown in virtual mailbox table', ['user_unknown', '5.1.1', 'suppress']),
  bounce('postfix local unknown user', postfixDsn, '5.1.1', 'unknown user: "jane"', ['user_unknown', '5.1.1', 'suppress'], { diagnosticType: 'x-postfix' }),
  bounce('sendmail user unknown', sendmailDsn, '5.1.1', '550 5.1.1 <jane@prospect.example>... User unknown', ['user_unknown', '5.1.1', 'suppress']),
  bounce('o365 recipient not found 5.1.10', exchangeDsn, '5.1.10', '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup', ['user_unknown', '5.1.10', 'suppress']),
  bounce('exchange recipnotfound', exchangeDsn, '5.1.1', '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found', ['user_unknown', '5.1.1', 'suppress']),
  bounce('gmail remote no such user', postfixDsn, '5.1.1', "550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser", ['user_unknown', '5.1.1', 'suppress']),
  bounce('gmail dsn address not found', gmailDsn, '5.1.1', '550 5.1.1 The email account that you tried to reach does not exist.', ['user_unknown', '5.1.1', 'suppress']),
  bounce('yahoo no such account', yahooText, null, "554 delivery error: dd This user doesn't have a yahoo.com account (jane@yahoo.example) [0] - mta1234.mail.ne1.yahoo.com", ['user_unknown', null, 'suppress']),
  bounce('aol no such account', yahooText, null, "554 delivery error: dd This user doesn't have a aol.com account (jane@aol.example) [-9] - mta4007.aol.mail.bf1.yahoo.com", ['user_unknown', null, 'suppress']),
  bounce('qmail no mailbox here', qmailText, null, 'Sorry, no mailbox here by that name. (#5.1.1)', ['user_unknown', '5.1.1', 'suppress']),
  bounce('exim rcpt user unknown', eximText, null, 'SMTP error from remote mail server after RCPT TO:<jane@prospect.example>: 550 5.1.1 User unknown', ['user_unknown', '5.1.1', 'suppress']),
  bounce('exim unrouteable address', eximText, null, 'Unrouteable address', ['user_unknown', null, 'suppress']),
  bounce('ses user unknown', sesDsn, '5.1.1', '550 5.1.1 user unknown', ['user_unknown', '5.1.1', 'suppress']),
  bounce('generic 5.0.0 refined to 5.1.1', sendmailDsn, '5.0.0', '550 5.1.1 <jane@prospect.example>... User unknown', ['user_unknown', '5.1.1', 'suppress']),
  bounce('french unknown user', localizedText, null, 'Utilisateur inconnu', ['user_unknown', null, 'suppress'], { language: 'fr' }),
  bounce('french address does not exist', localizedText, null, "550 L'adresse du destinataire n'existe pas", ['user_unknown', null, 'suppress'], { language: 'fr' }),
  bounce('german recipient unknown', localizedText, null, 'Empfänger unbekannt', ['user_unknown', null, 'suppress'], { language: 'de' }),
  bounce('german address does not exist', localizedText, null, '550 5.1.1 Die Empfängeradresse existiert nicht', ['user_unknown', '5.1.1', 'suppress'], { language: 'de' }),
  bounce('spanish user does not exist', localizedText, null, 'El usuario no existe', ['user_unknown', null, 'suppress'], { language: 'es' }),
  bounce('italian unknown user', localizedText, null, 'Utente sconosciuto', ['user_unknown', null, 'suppress'], { language: 'it' }),
  bounce('dutch unknown user', localizedText, null, 'Onbekende gebruiker', ['user_unknown', null, 'suppress'], { language: 'nl' }),
  bounce('portuguese unknown user', localizedText, null, 'Usuário desconhecido', ['user_unknown', null, 'suppress'], { language: 'pt' }),

  // host_unknown
  bounce('postfix host not found', postfixDsn, '5.4.4', 'Host or domain name not found. Name service error for name=prospect.invalid type=A: Host not found', ['host_unknown', '5.4.4', 'suppress'], { diagnosticType: 'x-postfix' }),
  bounce('exchange nonexistent domain', exchangeDsn, '5.4.4', '550 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain', ['host_unknown', '5.4.4', 'suppress']),
  bounce('gmail dns nxdomain', gmailDsn, '5.1.2', "DNS Error: DNS type 'mx' lookup of prospect.invalid responded with code NXDOMAIN Domain name not found: prospect.invalid", ['host_unknown', '5.1.2', 'suppress']),
  bounce('qmail no host named', qmailText, null, "Sorry, I couldn't find any host named prospect.invalid. (#5.1.2)", ['host_unknown', '5.1.2', 'suppress']),
  bounce('exim unrouteable domain', eximText, null, 'Unrouteable mail domain "prospect.invalid"', ['host_unknown', null, 'suppress']),
  bounce('sendmail host unknown', sendmailDsn, '5.1.2', '550 5.1.2 <jane@prospect.invalid>... Host unknown (Name server: prospect.invalid: host not found)', ['host_unknown', '5.1.2', 'suppress']),
  bounce('french domain does not exist', localizedText, null, 'Domaine inexistant : prospect.invalid', ['host_unknown', null, 'suppress'], { language: 'fr' }),

  // address_moved
  bounce('postfix user has moved', postfixDsn, '5.1.6', '551 5.1.6 User has moved; please try <jane@newco.example>', ['address_moved', '5.1.6', 'suppress']),
  bounce('sendmail user not local', sendmailDsn, null, '551 User not local; please try <jane@newco.example>', ['address_moved', null, 'suppress']),
  bounce('exchange address has moved', exchangeDsn, '5.1.6', '550 5.1.6 Recipient address has moved', ['address_moved', '5.1.6', 'suppress']),
  bounce('german moved', localizedText, null, 'Der Empfänger ist umgezogen, neue Adresse: jane@newco.example', ['address_moved', null, 'suppress'], { language: 'de' }),

  // mailbox_disabled
  bounce('gmail remote account disabled', postfixDsn, '5.2.1', '550-5.2.1 The email account that you tried to reach is disabled. https://support.google.com/mail/?p=DisabledUser', ['mailbox_disabled', '5.2.1', 'suppress']),
  bounce('yahoo mailbox disabled', yahooText, null, '554 delivery error: dd Sorry your message to jane@yahoo.example cannot be delivered. This mailbox is disabled (554.30).', ['mailbox_disabled', null, 'suppress']),
  bounce('exchange account disabled 5.7.13', exchangeDsn, '5.7.13', '550 5.7.13 User account disabled', ['mailbox_disabled', '5.7.13', 'suppress']),
  bounce('postfix account disabled', postfixDsn, '5.2.1', '550 5.2.1 <jane@prospect.example>: Recipient address rejected: Account disabled', ['mailbox_disabled', '5.2.1', 'suppress']),
  bounce('ses account suspended', sesDsn, '5.2.1', '550 5.2.1 Mailbox unavailable: account suspended', ['mailbox_disabled', '5.2.1', 'suppress']),
  bounce('spanish account deactivated', localizedText, null, 'La cuenta está desactivada', ['mailbox_disabled', null, 'suppress'], { language: 'es' }),
  bounce('italian mailbox deactivated', localizedText, null, 'Casella disattivata', ['mailbox_disabled', null, 'suppress'], { language: 'it' }),

  // no_mail_accepted
  bounce('postfix null mx', postfixDsn, '5.1.10', 'Domain prospect.example does not accept mail (nullMX)', ['no_mail_accepted', '5.1.10', 'suppress'], { diagnosticType: 'x-postfix' }),
  bounce('exim null mx', eximText, null, 'Domain prospect.example has a null MX and accepts no mail', ['no_mail_accepted', null, 'suppress']),
  bounce('gmail null mx', gmailDsn, '5.1.10', '556 5.1.10 Recipient address has null MX', ['no_mail_accepted', '5.1.10', 'suppress']),
];
