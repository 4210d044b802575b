import { bounce, type CorpusMessage } from './corpus-case';
import { exchangeDsn, gmailDsn, postfixDsn, sendmailDsn, sesDsn } from './render-dsn';
import { eximText, localizedText } from './render-text';

const delayed = { action: 'delayed' } as const;

/** Bounces about the sender (IP, domain, authentication, content): the prospect is not at fault. */
export const SENDER_PROBLEM: CorpusMessage[] = [
  // blocked_reputation
  bounce('gmail remote unusual rate', postfixDsn, '4.7.28', '421-4.7.28 [198.51.100.4] Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address. To protect our 421-4.7.28 users from spam, mail sent from your IP address has been temporarily 421-4.7.28 rate limited.', ['blocked_reputation', '4.7.28', 'sender_problem'], delayed),
  bounce('yahoo tss04 deferred', postfixDsn, '4.7.0', '421 4.7.0 [TSS04] Messages from 198.51.100.4 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes', ['blocked_reputation', '4.7.0', 'sender_problem'], delayed),
  bounce('o365 traffic not accepted', exchangeDsn, '5.7.708', '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.', ['blocked_reputation', '5.7.708', 'sender_problem']),
  bounce('gmail remote ip not authorized', gmailDsn, '5.7.1', "550-5.7.1 [198.51.100.4] The IP you're using to send mail is not authorized to 550-5.7.1 send email directly to our servers. Please use the SMTP relay at your 550-5.7.1 service provider instead.", ['blocked_reputation', '5.7.1', 'sender_problem']),
  bounce('french bad reputation', localizedText, null, 'Message refusé : votre adresse IP a une mauvaise réputation', ['blocked_reputation', null, 'sender_problem'], { language: 'fr' }),

  // blocked_blacklist
  bounce('postfix spamhaus', postfixDsn, '5.7.1', '554 5.7.1 Service unavailable; Client host [198.51.100.4] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/198.51.100.4', ['blocked_blacklist', '5.7.1', 'sender_problem']),
  bounce('o365 banned sending ip', exchangeDsn, '5.7.606', '550 5.7.606 Access denied, banned sending IP [198.51.100.4]. To request removal from this list please visit https://sender.office.com/', ['blocked_blacklist', '5.7.606', 'sender_problem']),
  bounce('proofpoint ipcheck', sendmailDsn, '5.7.0', '554 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=198.51.100.4', ['blocked_blacklist', '5.7.0', 'sender_problem']),
  bounce('barracuda reputation', postfixDsn, '5.7.1', '554 5.7.1 Service unavailable; Client host [198.51.100.4] blocked using Barracuda Reputation; https://www.barracudanetworks.com/reputation/?pr=1&ip=198.51.100.4', ['blocked_blacklist', '5.7.1', 'sender_problem']),
  bounce('exim spamcop', eximText, null, 'SMTP error from remote mail server after RCPT TO:<jane@prospect.example>: 550 5.7.1 Your IP 198.51.100.4 is listed at bl.spamcop.net', ['blocked_blacklist', '5.7.1', 'sender_problem']),
  bounce('generic 5.0.0 refined blocklist', exchangeDsn, '5.0.0', '550 5.7.1 Client host [198.51.100.4] blocked using zen.spamhaus.org', ['blocked_blacklist', '5.7.1', 'sender_problem']),
  bounce('german black list', localizedText, null, 'Ihre IP-Adresse steht auf einer schwarzen Liste', ['blocked_blacklist', null, 'sender_problem'], { language: 'de' }),

  // authentication_failed
  bounce('gmail remote unauthenticated', postfixDsn, '5.7.26', '550-5.7.26 This mail is unauthenticated, which poses a security risk to the 550-5.7.26 sender and Gmail users, and has been blocked. The sender must 550-5.7.26 authenticate with at least one of SPF or DKIM. For this message, 550-5.7.26 DKIM checks did not pass and SPF check for [seller.example] did not 550-5.7.26 pass with ip: [198.51.100.4].', ['authentication_failed', '5.7.26', 'sender_problem']),
  bounce('gmail remote dmarc policy', postfixDsn, '5.7.26', "550-5.7.26 Unauthenticated email from seller.example is not accepted due to domain's 550-5.7.26 DMARC policy. Please contact the administrator of seller.example domain.", ['authentication_failed', '5.7.26', 'sender_problem']),
  bounce('o365 dmarc reject', exchangeDsn, '5.7.509', '550 5.7.509 Access denied, sending domain seller.example does not pass DMARC verification and has a DMARC policy of reject.', ['authentication_failed', '5.7.509', 'sender_problem']),
  bounce('postfix spf fail', postfixDsn, '5.7.23', '550 5.7.23 <jane@prospect.example>: Recipient address rejected: Message rejected due to: SPF fail - not authorized.', ['authentication_failed', '5.7.23', 'sender_problem']),
  bounce('ses dkim failed', sesDsn, '5.7.20', '550 5.7.20 No passing DKIM signature found', ['authentication_failed', '5.7.20', 'sender_problem']),
  bounce('french spf failure', localizedText, null, "Échec de l'authentification SPF pour seller.example", ['authentication_failed', null, 'sender_problem'], { language: 'fr' }),

  // ptr_required
  bounce('postfix reverse hostname', postfixDsn, '4.7.1', '450 4.7.1 Client host rejected: cannot find your reverse hostname, [198.51.100.4]', ['ptr_required', '4.7.1', 'sender_problem'], delayed),
  bounce('postfix no ptr record', postfixDsn, '5.7.25', '550 5.7.25 [198.51.100.4] The IP address sending this message does not have a PTR record setup', ['ptr_required', '5.7.25', 'sender_problem']),
  bounce('gmail remote ptr', gmailDsn, '5.7.25', '550-5.7.25 [198.51.100.4] The IP address sending this message does not 550-5.7.25 have a PTR record setup, or the corresponding forward DNS entry does not 550-5.7.25 point to the sending IP.', ['ptr_required', '5.7.25', 'sender_problem']),
  bounce('exchange reverse dns', exchangeDsn, '5.7.1', '550 5.7.1 Service unavailable, Client host [198.51.100.4] blocked using Reverse DNS lookup', ['ptr_required', '5.7.1', 'sender_problem']),
  bounce('french reverse dns', localizedText, null, "Votre serveur n'a pas d'enregistrement DNS inverse (PTR)", ['ptr_required', null, 'sender_problem'], { language: 'fr' }),

  // spam_detected
  bounce('gmail remote likely unsolicited', postfixDsn, '5.7.1', '550-5.7.1 [198.51.100.4] Our system has detected that this message is 550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail, 550-5.7.1 this message has been blocked.', ['spam_detected', '5.7.1', 'sender_problem']),
  bounce('postfix rejected as spam', postfixDsn, '5.7.1', '550 5.7.1 Message rejected as spam by Content Filtering.', ['spam_detected', '5.7.1', 'sender_problem']),
  bounce('sendmail spam score', sendmailDsn, '5.7.1', '554 5.7.1 Message blocked: identified as spam (score 9.8)', ['spam_detected', '5.7.1', 'sender_problem']),
  bounce('exim high probability of spam', eximText, null, 'SMTP error from remote mail server after end of data: 550 High probability of spam', ['spam_detected', null, 'sender_problem']),
  bounce('spanish junk mail', localizedText, null, 'Mensaje rechazado: correo no deseado', ['spam_detected', null, 'sender_problem'], { language: 'es' }),
  bounce('italian spam', localizedText, null, 'Messaggio rifiutato come spam', ['spam_detected', null, 'sender_problem'], { language: 'it' }),

  // content_rejected
  bounce('postfix content rejected', postfixDsn, '5.7.1', '554 5.7.1 Message content rejected, id=12345-01', ['content_rejected', '5.7.1', 'sender_problem']),
  bounce('exchange prohibited attachment', exchangeDsn, '5.7.1', '550 5.7.1 Message rejected: prohibited attachment type', ['content_rejected', '5.7.1', 'sender_problem']),
  bounce('gmail remote content security', gmailDsn, '5.7.0', '552-5.7.0 This message was blocked because its content presents a potential 552-5.7.0 security issue.', ['content_rejected', '5.7.0', 'sender_problem']),
  bounce('sendmail invalid header', sendmailDsn, '5.6.0', '554 5.6.0 Message contains invalid header', ['content_rejected', '5.6.0', 'sender_problem']),
  bounce('french content refused', localizedText, null, 'Contenu refusé par le filtre de messagerie', ['content_rejected', null, 'sender_problem'], { language: 'fr' }),

  // virus_detected
  bounce('postfix virus found', postfixDsn, '5.7.1', '554 5.7.1 Virus found: Eicar-Test-Signature', ['virus_detected', '5.7.1', 'sender_problem']),
  bounce('exim malware', eximText, null, 'SMTP error from remote mail server after end of data: 550 This message contains malware (Win.Trojan.Agent)', ['virus_detected', null, 'sender_problem']),
  bounce('sendmail infected attachment', sendmailDsn, '5.7.0', '554 5.7.0 Message rejected: infected attachment', ['virus_detected', '5.7.0', 'sender_problem']),

  // policy_rejected
  bounce('mimecast anti-spoofing policy', postfixDsn, '5.0.0', '550 Rejected by header based Anti-Spoofing policy: seller.example - https://community.mimecast.com/docs/DOC-1369#550', ['policy_rejected', '5.0.0', 'sender_problem']),
  bounce('exchange delivery not authorized', exchangeDsn, '5.7.1', '550 5.7.1 Delivery not authorized, message refused', ['policy_rejected', '5.7.1', 'sender_problem']),
  bounce('yahoo policy reasons', postfixDsn, '5.7.9', '554 5.7.9 Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes', ['policy_rejected', '5.7.9', 'sender_problem']),
  bounce('postfix access denied', postfixDsn, '5.7.1', '550 5.7.1 <jane@prospect.example>: Recipient address rejected: Access denied', ['policy_rejected', '5.7.1', 'sender_problem']),
  bounce('mimecast envelope blocked', sesDsn, '5.0.0', '550 Administrative prohibition - envelope blocked', ['policy_rejected', '5.0.0', 'sender_problem']),
  bounce('german policy', localizedText, null, 'Nachricht aufgrund von Richtlinien abgelehnt', ['policy_rejected', null, 'sender_problem'], { language: 'de' }),

  // relaying_denied
  bounce('postfix relay access denied', postfixDsn, '5.7.1', '554 5.7.1 <jane@prospect.example>: Relay access denied', ['relaying_denied', '5.7.1', 'sender_problem']),
  bounce('o365 tenant attribution', exchangeDsn, '5.7.64', '550 5.7.64 TenantAttribution; Relay Access Denied', ['relaying_denied', '5.7.64', 'sender_problem']),
  bounce('sendmail relaying denied', sendmailDsn, '5.7.1', '550 5.7.1 <jane@prospect.example>... Relaying denied. Proper authentication required.', ['relaying_denied', '5.7.1', 'sender_problem']),
  bounce('exim relay not permitted', eximText, null, 'SMTP error from remote mail server after RCPT TO:<jane@prospect.example>: 550 relay not permitted', ['relaying_denied', null, 'sender_problem']),

  // sender_rejected
  bounce('postfix sender domain not found', postfixDsn, '5.1.8', '553 5.1.8 <paul@seller.example>: Sender address rejected: Domain not found', ['sender_rejected', '5.1.8', 'sender_problem']),
  bounce('exim sender verify failed', eximText, null, 'SMTP error from remote mail server after RCPT TO:<jane@prospect.example>: 550 Sender verify failed', ['sender_rejected', null, 'sender_problem']),
  bounce('o365 unregistered domains', exchangeDsn, '5.7.750', '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains.', ['sender_rejected', '5.7.750', 'sender_problem']),
  bounce('sendmail sender domain missing', sendmailDsn, '5.1.7', '553 5.1.7 <paul@seller.example>... Domain of sender address paul@seller.example does not exist', ['sender_rejected', '5.1.7', 'sender_problem']),
];
