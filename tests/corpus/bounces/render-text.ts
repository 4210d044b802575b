import { crlf, outbound, type BounceSpec, type Language } from './render-parts';

/**
 * Bounces written only for people (no delivery-status part), as Exim, qmail, Yahoo and many
 * small hosts send them, in several languages; the returned message is copied below the notice.
 */

/** Exim: X-Failed-Recipients on permanent failures, a "Warning: … delayed" notice otherwise. */
export function eximText(spec: BounceSpec): string {
  const { id, recipient, diagnostic, action = 'failed' } = spec;
  const delayed = action === 'delayed';
  return crlf(
    'Return-Path: <>',
    'From: Mail Delivery System <Mailer-Daemon@mx.seller.example>',
    'To: paul@seller.example',
    `Subject: ${delayed ? `Warning: message 1qX7a2-${id} delayed 24 hours` : 'Mail delivery failed: returning message to sender'}`,
    'Date: Wed, 02 Dec 2026 09:14:04 +0000',
    `Message-Id: <E1qX7a2-${id}@mx.seller.example>`,
    ...(delayed ? [] : [`X-Failed-Recipients: ${recipient}`]),
    'Auto-Submitted: auto-replied',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This message was created automatically by mail delivery software.',
    '',
    ...(delayed
      ? [
          'A message that you sent has not yet been delivered to one or more of its',
          'recipients after more than 24 hours on the queue on mx.seller.example.',
          '',
          'The address to which the message has not yet been delivered is:',
          '',
          `  ${recipient}`,
          `    host mx.prospect.example [192.0.2.10]: ${diagnostic}`,
          '',
          'No action is required on your part. Delivery attempts will continue for',
          'some time, and this warning may be repeated at intervals.',
        ]
      : [
          'A message that you sent could not be delivered to one or more of its',
          'recipients. This is a permanent error. The following address(es) failed:',
          '',
          `  ${recipient}`,
          `    ${diagnostic}`,
        ]),
    '',
    '------ This is a copy of the message, including all the headers. ------',
    '',
    outbound(id),
    '',
    'Hi Jane, would you have 20 minutes next week? No spam, promise: reply STOP to opt out.',
    '',
  );
}

/** qmail: "Hi. This is the qmail-send program", the reason under the address, `(#5.x.x)` codes. */
export function qmailText(spec: BounceSpec): string {
  const { id, recipient, diagnostic } = spec;
  return crlf(
    'Return-Path: <>',
    'From: MAILER-DAEMON@mail.prospect.example',
    'To: paul@seller.example',
    'Subject: failure notice',
    'Date: 2 Dec 2026 09:14:06 -0000',
    `Message-ID: <2026120209140${id}.qmail@mail.prospect.example>`,
    '',
    'Hi. This is the qmail-send program at mail.prospect.example.',
    "I'm afraid I wasn't able to deliver your message to the following addresses.",
    "This is a permanent error; I've given up. Sorry it didn't work out.",
    '',
    `<${recipient}>:`,
    diagnostic,
    '',
    '--- Below this line is a copy of the message.',
    '',
    outbound(id),
    '',
    'Hi Jane, the quota of free seats is over soon.',
    '',
  );
}

/** Yahoo / AOL: a qmail-like text notice from their MTA. */
export function yahooText(spec: BounceSpec): string {
  const { id, recipient, diagnostic } = spec;
  return crlf(
    'Return-Path: <>',
    'From: MAILER-DAEMON@yahoo.com',
    'To: paul@seller.example',
    'Subject: Failure Notice',
    'Date: Wed, 2 Dec 2026 09:14:07 +0000',
    `Message-ID: <${id}.yahoo@mta1234.mail.ne1.yahoo.com>`,
    '',
    'Sorry, we were unable to deliver your message to the following address.',
    '',
    `<${recipient}>:`,
    `${diagnostic}`,
    '',
    '--- Below this line is a copy of the message.',
    '',
    outbound(id),
    '',
  );
}

interface Wording {
  subject: string;
  intro: string;
  copy: string;
  from: string;
}

const WORDING: Record<Language, Wording> = {
  en: {
    subject: 'Undeliverable mail',
    intro: 'Your message could not be delivered to the following recipient:',
    copy: '----- Original message -----',
    from: 'Mail Delivery System <postmaster@mail.prospect.example>',
  },
  fr: {
    subject: 'Échec de la remise du message',
    intro: "Ce message a été généré automatiquement. Votre message n'a pas pu être remis au destinataire suivant :",
    copy: "----- Message d'origine -----",
    from: 'Système de messagerie <MAILER-DAEMON@smtp.prospect.example>',
  },
  de: {
    subject: 'Unzustellbar: Kurze Frage',
    intro: 'Diese Nachricht wurde automatisch erstellt. Ihre Nachricht konnte nicht zugestellt werden an:',
    copy: '----- Ursprüngliche Nachricht -----',
    from: 'Mail Delivery System <MAILER-DAEMON@mx.prospect.example>',
  },
  es: {
    subject: 'Mensaje no entregado',
    intro: 'Este mensaje se ha generado automáticamente. No se ha podido entregar su mensaje al destinatario:',
    copy: '----- Mensaje original -----',
    from: 'Sistema de correo <postmaster@correo.prospect.example>',
  },
  it: {
    subject: 'Messaggio non recapitato',
    intro: 'Questo è un messaggio generato automaticamente. Non è stato possibile recapitare il messaggio a:',
    copy: '----- Messaggio originale -----',
    from: 'Sistema di posta <MAILER-DAEMON@posta.prospect.example>',
  },
  nl: {
    subject: 'Onbestelbaar: Korte vraag',
    intro: 'Dit bericht is automatisch aangemaakt. Uw bericht kon niet worden bezorgd aan:',
    copy: '----- Oorspronkelijk bericht -----',
    from: 'Mail Delivery System <postmaster@mail.prospect.example>',
  },
  pt: {
    subject: 'Mensagem não entregue',
    intro: 'Esta mensagem foi gerada automaticamente. Não foi possível entregar a sua mensagem a:',
    copy: '----- Mensagem original -----',
    from: 'Sistema de correio <MAILER-DAEMON@correio.prospect.example>',
  },
};

/** A small host's notice in its own language, quoted-printable, the reason in its own words. */
export function localizedText(spec: BounceSpec): string {
  const { id, recipient, diagnostic, language = 'en' } = spec;
  const wording = WORDING[language];
  return crlf(
    'Return-Path: <>',
    `From: ${encodedWord(wording.from)}`,
    'To: paul@seller.example',
    `Subject: ${encodedWord(wording.subject)}`,
    'Date: Wed, 2 Dec 2026 10:14:07 +0100',
    `Message-ID: <${id}.ndr@mail.prospect.example>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(crlf(wording.intro, '', `  ${recipient}`, `  ${diagnostic}`, '', wording.copy, '', outbound(id), '', 'Hi Jane,', '')),
  );
}

/**
 * A notice from the null sender or a mailer daemon that says nothing readable: no code, no
 * reason, sometimes only our subject. It must never pass for the prospect's reply.
 */
export function unreadableText(spec: BounceSpec): string {
  const { id, diagnostic } = spec;
  return crlf(
    'Return-Path: <>',
    spec.language === 'en' ? 'From: postmaster@prospect.example' : 'From: MAILER-DAEMON <MAILER-DAEMON@prospect.example>',
    'To: paul@seller.example',
    'Subject: Re: Quick question about your onboarding',
    'Date: Wed, 2 Dec 2026 09:15:00 +0000',
    `Message-ID: <${id}.daemon@prospect.example>`,
    `In-Reply-To: <relance.${id}@seller.example>`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    diagnostic,
    '',
  );
}

function encodedWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** Quoted-printable (RFC 2045) body: non-ASCII bytes and "=" escaped, lines kept under 76 characters. */
function quotedPrintable(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      const escaped = [...Buffer.from(line, 'utf8')]
        .map((byte) => (byte === 0x3d || byte > 0x7e ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte)))
        .join('');
      const chunks: string[] = [];
      let rest = escaped;
      while (rest.length > 75) {
        // Never split an escape.
        let cut = 75;
        const equals = rest.lastIndexOf('=', cut - 1);
        if (equals > cut - 3) cut = equals;
        chunks.push(`${rest.slice(0, cut)}=`);
        rest = rest.slice(cut);
      }
      chunks.push(rest);
      return chunks.join('\r\n');
    })
    .join('\r\n');
}
