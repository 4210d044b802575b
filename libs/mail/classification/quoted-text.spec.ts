import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitQuoted } from './quoted-text';

const text = (...lines: string[]) => lines.join('\n');

describe('splitQuoted — attribution headers', () => {
  it('cuts at an English attribution followed by ">" lines', () => {
    const result = splitQuoted(
      text(
        'Tuesday at 3pm works for me.',
        '',
        'On Mon, Mar 2, 2026 at 9:14 AM Paul Martin <paul@seller.example> wrote:',
        '> Hi Jane,',
        '> Would Tuesday suit you?',
      ),
    );
    assert.equal(result.reply, 'Tuesday at 3pm works for me.');
    assert.match(result.quoted, /^On Mon, Mar 2, 2026 .* wrote:\n> Hi Jane,\n> Would Tuesday suit you\?$/);
    assert.equal(result.signature, '');
  });

  it('recognises an attribution wrapped over two lines', () => {
    const result = splitQuoted(
      text(
        'Not interested, thanks.',
        '',
        'On Mon, Mar 2, 2026 at 9:14 AM Paul Martin from the Seller Company <',
        'paul.martin@seller.example> wrote:',
        '',
        '> Hi Jane,',
      ),
    );
    assert.equal(result.reply, 'Not interested, thanks.');
    assert.ok(result.quoted.startsWith('On Mon, Mar 2, 2026'));
    assert.ok(result.quoted.endsWith('> Hi Jane,'));
  });

  it('recognises the French attribution, no-break space before the colon included', () => {
    const result = splitQuoted(
      text(
        'Merci, mardi me convient.',
        '',
        'Le lun. 2 mars 2026 à 09:14, Paul Martin <paul@seller.example> a écrit\u00a0:',
        '> Bonjour Jeanne,',
        '> Seriez-vous disponible mardi ?',
      ),
    );
    assert.equal(result.reply, 'Merci, mardi me convient.');
    assert.match(result.quoted, /^Le lun\. 2 mars 2026/);
  });

  it('recognises a wrapped French attribution', () => {
    const result = splitQuoted(
      text('Oui, appelez-moi.', '', 'Le lun. 2 mars 2026 à 09:14, Paul Martin <paul@seller.example>', 'a écrit :', '> Bonjour'),
    );
    assert.equal(result.reply, 'Oui, appelez-moi.');
    assert.equal(result.quoted, text('Le lun. 2 mars 2026 à 09:14, Paul Martin <paul@seller.example>', 'a écrit :', '> Bonjour'));
  });

  it('recognises German and Dutch attributions, where the name follows the verb', () => {
    const german = splitQuoted(
      text('Gerne.', '', 'Am Fr., 27. Nov. 2026 um 10:00 Uhr schrieb Paul Martin <paul@seller.example>:', '> Hallo Jane,'),
    );
    assert.equal(german.reply, 'Gerne.');
    assert.match(german.quoted, /^Am Fr\., 27\. Nov\. 2026 .*schrieb Paul Martin <paul@seller\.example>:\n> Hallo Jane,$/);
    const dutch = splitQuoted(text('Prima.', '', 'Op vr 27 nov. 2026 om 10:00 schreef Paul Martin <paul@seller.example>:', '> Hoi Jane,'));
    assert.equal(dutch.reply, 'Prima.');
    assert.match(dutch.quoted, /^Op vr 27 nov\. 2026 .*schreef Paul Martin/);
  });

  it('treats an attribution without ">" lines under it as the start of an unprefixed quote', () => {
    const result = splitQuoted(text('Sounds good.', '', 'On 2 Mar 2026, at 09:14, Paul Martin wrote:', '', 'Hi Jane,', 'Would Tuesday suit you?'));
    assert.equal(result.reply, 'Sounds good.');
    assert.equal(result.quoted, text('On 2 Mar 2026, at 09:14, Paul Martin wrote:', '', 'Hi Jane,', 'Would Tuesday suit you?'));
  });

  it('keeps a sentence that merely starts with "On" or "Le"', () => {
    const result = splitQuoted(text('On Tuesday I am free after lunch.', 'Le mardi aussi.'));
    assert.equal(result.reply, text('On Tuesday I am free after lunch.', 'Le mardi aussi.'));
    assert.equal(result.quoted, '');
  });
});

describe('splitQuoted — Outlook blocks', () => {
  it('cuts at "-----Original Message-----"', () => {
    const result = splitQuoted(
      text('Please call me on Friday.', '', '-----Original Message-----', 'From: Paul Martin', 'Sent: Monday, March 2, 2026 9:14 AM', 'Subject: Quick question'),
    );
    assert.equal(result.reply, 'Please call me on Friday.');
    assert.ok(result.quoted.startsWith('-----Original Message-----'));
  });

  it('cuts at Zimbra\'s "----- Mail original -----"', () => {
    const result = splitQuoted(text('Ok pour mardi.', '', '----- Mail original -----', 'De: "Paul Martin" <paul@seller.example>', 'Bonjour Jane,'));
    assert.equal(result.reply, 'Ok pour mardi.');
    assert.match(result.quoted, /^----- Mail original -----\nDe: "Paul Martin"/);
  });

  it('cuts at a French "De : … Envoyé : …" header block', () => {
    const result = splitQuoted(
      text(
        "D'accord pour jeudi.",
        '',
        'Jeanne',
        '',
        'De : Paul Martin <paul@seller.example>',
        'Envoyé : lundi 2 mars 2026 09:14',
        'À : Jeanne Dupont <jeanne@prospect.example>',
        'Objet : Question rapide',
        '',
        'Bonjour Jeanne,',
      ),
    );
    assert.equal(result.reply, text("D'accord pour jeudi.", '', 'Jeanne'));
    assert.ok(result.quoted.startsWith('De : Paul Martin'));
    assert.ok(result.quoted.endsWith('Bonjour Jeanne,'));
  });

  it('cuts at the rule line Outlook draws above a bold header block', () => {
    const result = splitQuoted(
      text('Yes, send the deck.', '', '________________________________', '*From:* Paul Martin <paul@seller.example>', '*Sent:* Monday, March 2, 2026 9:14 AM', '', 'Hi Jane,'),
    );
    assert.equal(result.reply, 'Yes, send the deck.');
    assert.ok(result.quoted.startsWith('________________________________'));
  });

  it('does not cut at a lone "From:" line in the text', () => {
    const result = splitQuoted(text('From: the desk of Jane', 'We are interested.'));
    assert.equal(result.reply, text('From: the desk of Jane', 'We are interested.'));
  });

  it('cuts at a forwarded message marker', () => {
    const result = splitQuoted(text('See below.', '', '---------- Forwarded message ---------', 'From: Paul Martin'));
    assert.equal(result.reply, 'See below.');
    assert.ok(result.quoted.startsWith('---------- Forwarded message'));
  });
});

describe('splitQuoted — signatures and posting styles', () => {
  it('moves what follows "-- " into the signature', () => {
    const result = splitQuoted(text('Sounds good.', '', '-- ', 'Jane Prospect', 'Head of Operations', '', 'On Mon, Mar 2, 2026 Paul Martin wrote:', '> Hi'));
    assert.equal(result.reply, 'Sounds good.');
    assert.equal(result.signature, text('Jane Prospect', 'Head of Operations'));
    assert.equal(result.quoted, text('On Mon, Mar 2, 2026 Paul Martin wrote:', '> Hi'));
  });

  it('accepts a delimiter whose trailing space was stripped', () => {
    assert.equal(splitQuoted(text('Fine.', '--', 'Jane')).signature, 'Jane');
  });

  it('treats a mobile footer as a signature', () => {
    const result = splitQuoted(text('OK for Thursday.', '', 'Envoyé de mon iPhone', '', '> Bonjour'));
    assert.equal(result.reply, 'OK for Thursday.');
    assert.equal(result.signature, 'Envoyé de mon iPhone');
    assert.equal(result.quoted, '> Bonjour');
  });

  it('keeps a bottom-posted answer below the quote', () => {
    const result = splitQuoted(text('On Mon, Mar 2, 2026 Paul Martin wrote:', '> Would Tuesday suit you?', '', 'Tuesday is fine.'));
    assert.equal(result.reply, 'Tuesday is fine.');
    assert.equal(result.quoted, text('On Mon, Mar 2, 2026 Paul Martin wrote:', '> Would Tuesday suit you?'));
  });

  it('collects interleaved answers into the reply', () => {
    const result = splitQuoted(text('> Are you the right person?', 'Yes.', '> Is Tuesday OK?', 'No, Wednesday.'));
    assert.equal(result.reply, text('Yes.', 'No, Wednesday.'));
    assert.equal(result.quoted, text('> Are you the right person?', '> Is Tuesday OK?'));
  });

  it('returns the whole text when nothing is quoted, CRLF included', () => {
    const result = splitQuoted('Please remove me from your list.\r\nThanks\r\n');
    assert.deepEqual(result, { reply: 'Please remove me from your list.\nThanks', quoted: '', signature: '' });
  });

  it('handles an empty text', () => {
    assert.deepEqual(splitQuoted(''), { reply: '', quoted: '', signature: '' });
  });
});
