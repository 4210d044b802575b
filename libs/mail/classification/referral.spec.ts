import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseInboundMail } from '../inbound-mail';
import { classifyInbound, type ClassifyOptions, type InboundClassification } from './classify';
import { crlf, OUTBOUND_ID } from './fixture-parts';
import { findReferral } from './referral';

const BOB = { address: 'Bob.Stone@prospect.example', name: 'Bob Stone' };
const QUOTE = ['', 'On Wed, Dec 2, 2026 at 9:14 AM Paul Martin <paul@seller.example> wrote:', '> Hi Jane,', '> Would you have 20 minutes?'];

/** A reply to our email from `from`, with `body` lines and, unless told otherwise, our message quoted. */
function reply(from: string, body: string[], options: { headers?: string[]; subject?: string; quote?: boolean } = {}) {
  return crlf(
    `From: ${from}`,
    'To: Paul Martin <paul@seller.example>',
    `Subject: ${options.subject ?? 'Re: Quick question about your onboarding'}`,
    'Date: Wed, 02 Dec 2026 11:00:00 +0000',
    'Message-ID: <referral-1@prospect.example>',
    `In-Reply-To: ${OUTBOUND_ID}`,
    ...(options.headers ?? []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...body,
    ...(options.quote === false ? [] : QUOTE),
    '',
  );
}

async function classify(raw: string, options?: ClassifyOptions): Promise<InboundClassification> {
  return classifyInbound(await parseInboundMail(1, raw), options);
}

const offered = (ownText: string, notColleagues?: string[]) => findReferral({ ownText, from: BOB, notColleagues });

describe('findReferral — the sender offers themself', () => {
  const bob = { address: 'bob.stone@prospect.example', name: 'Bob Stone' };
  const phrasings = [
    'Jane is no longer with the company, I took over her accounts. Happy to talk.',
    "Jane left the company last month; I've taken over onboarding.",
    'Jane no longer works here. I am now handling her clients, feel free to reach out to me.',
    "Jane doesn't work at Prospect Ltd any more. I'm her replacement, happy to chat next week.",
    'Jane has left us. Glad to help if you still want to talk.',
    'Jane has left Prospect Ltd. I have replaced her on this project.',
    'Jane has moved on. You can contact me instead.',
    'Her last day was Friday. Jane is no longer with us and I will be your new contact.',
    "Jeanne ne fait plus partie de l'entreprise, j'ai repris ses dossiers.",
    "Jeanne a quitté la société en novembre. N'hésitez pas à me contacter.",
    'Jeanne ne travaille plus chez nous, je la remplace. Je reste à votre disposition.',
    "Jeanne n'est plus chez Prospect SA ; c'est moi qui reprends le suivi. Ravi d'en discuter.",
    'Frau Stein ist nicht mehr bei uns. Ich habe ihre Kunden übernommen.',
    'Frau Stein hat das Unternehmen verlassen, ich bin jetzt Ihr Ansprechpartner.',
    'Juana ya no trabaja en la empresa. Me encargo de sus clientes, quedo a su disposición.',
    'Juana dejó la empresa el mes pasado; no dude en contactarme.',
    'Giulia non lavora più presso di noi, ho preso in carico i suoi clienti.',
    "Giulia ha lasciato l'azienda. Non esiti a contattarmi, resto a sua disposizione.",
    'Anouk werkt hier niet meer. Ik heb haar klanten overgenomen.',
    'Anouk heeft het bedrijf verlaten; neem gerust contact met mij op.',
  ];
  for (const text of phrasings) {
    it(`offers the sender: "${text}"`, () => assert.deepEqual(offered(text), bob));
  }

  it('gives no name when the sender has no display name', () => {
    const colleague = findReferral({ ownText: phrasings[0], from: { address: 'bob@prospect.example', name: '' } });
    assert.deepEqual(colleague, { address: 'bob@prospect.example', name: null });
  });

  it('offers nobody when the sender is the departed prospect or our own mailbox', () => {
    assert.equal(offered(phrasings[0], ['bob.stone@prospect.example']), null);
  });
});

describe('findReferral — a named colleague', () => {
  const cases: [string, { address: string; name: string | null }][] = [
    ['Jane left the company. Please contact Paul Martin at paul.martin@acme.example.', { address: 'paul.martin@acme.example', name: 'Paul Martin' }],
    ['Jane is no longer with us. You can reach Ana Ruiz (ana.ruiz@acme.example) about onboarding.', { address: 'ana.ruiz@acme.example', name: 'Ana Ruiz' }],
    ['Jane has left the company; Tom Lee <tom.lee@acme.example> has taken over her accounts.', { address: 'tom.lee@acme.example', name: 'Tom Lee' }],
    ['Jane no longer works here. Write to tom.lee@acme.example (Tom Lee), her successor.', { address: 'tom.lee@acme.example', name: 'Tom Lee' }],
    ['Jane no longer works here.\n\nPlease email tom@acme.example instead.', { address: 'tom@acme.example', name: null }],
    ["Jeanne a quitté l'entreprise. Veuillez contacter Marc Petit à l'adresse marc.petit@acme.example.", { address: 'marc.petit@acme.example', name: 'Marc Petit' }],
    ["Jeanne n'est plus en poste ; Marc Petit (marc.petit@acme.example) a repris ses dossiers.", { address: 'marc.petit@acme.example', name: 'Marc Petit' }],
    ['Frau Stein ist nicht mehr bei uns. Bitte wenden Sie sich an Lena Vogt, lena.vogt@acme.example.', { address: 'lena.vogt@acme.example', name: 'Lena Vogt' }],
    ['Juana ya no trabaja aquí. Por favor contacte con Luis Gil en luis.gil@acme.example.', { address: 'luis.gil@acme.example', name: 'Luis Gil' }],
    ['Giulia non fa più parte del team. Può contattare Marco Neri (marco.neri@acme.example).', { address: 'marco.neri@acme.example', name: 'Marco Neri' }],
    ['Anouk is niet meer werkzaam bij ons. Neem contact op met Daan de Vries, daan@acme.example.', { address: 'daan@acme.example', name: 'Daan de Vries' }],
  ];
  for (const [text, colleague] of cases) {
    it(`names ${colleague.address}: "${text.replace(/\n/g, ' ')}"`, () => assert.deepEqual(offered(text), colleague));
  }

  it('prefers the named colleague to the sender who also offers themself', () => {
    const text = 'Jane left the company. I took over for now, but please contact Paul Martin at paul.martin@acme.example.';
    assert.equal(offered(text)?.address, 'paul.martin@acme.example');
  });

  it("skips the departed prospect's own address and ours, then the next one named", () => {
    const text = 'Jane (jane@prospect.example) left the company. Please contact jane@prospect.example\'s successor Paul at paul@acme.example.';
    assert.equal(offered(text, ['jane@prospect.example'])?.address, 'paul@acme.example');
    assert.equal(offered('Jane has left us. Please write to paul@seller.example.', ['paul@seller.example']), null);
  });

  it('takes no function address (info@, sales@) for a person; the sender offering themself still counts', () => {
    assert.equal(offered('Jane left the company. Please contact info@acme.example.'), null);
    assert.equal(offered('Jane left the company. Please contact sales@acme.example, or me: happy to talk.')?.address, 'bob.stone@prospect.example');
  });
});

describe('findReferral — not a referral', () => {
  const negatives = [
    'Jane left for lunch, she will call you back. Happy to talk too.',
    'I left a voicemail for Jane this morning; happy to talk.',
    'Jane has left a message for you, feel free to reach out to me.',
    'Jane has left for the day. I am handling her emails, happy to help.',
    'Jane is on parental leave until March; I took over her accounts meanwhile, happy to talk.',
    'Jane is no longer at the office today, please contact paul@acme.example.',
    'Jane is out this week. Please contact Paul Martin at paul.martin@acme.example.',
    'Jane left the company.',
    'Jeanne est partie déjeuner, elle vous rappelle.',
    'Giulia è in ferie fino al 4 gennaio, ho preso in carico le sue email.',
    'Anouk is met verlof; neem gerust contact met mij op.',
    'Your parcel has left the depot. Happy to help if it does not arrive.',
    'She has left it with reception; feel free to reach out to me.',
    'Thanks, we already use a tool we like.',
  ];
  for (const text of negatives) {
    it(`offers nobody: "${text}"`, () => assert.equal(offered(text), null));
  }
});

describe('classifyInbound — referrals', () => {
  const colleague = { address: 'bob@prospect.example', name: 'Bob Stone' };

  it('reads a colleague who hits Reply to say the prospect left and they took over as a referral', async () => {
    const raw = reply('Bob Stone <bob@prospect.example>', ['Hi Paul,', '', 'Jane is no longer with the company, I took over onboarding. Happy to talk.', '', 'Bob']);
    assert.deepEqual(await classify(raw), { kind: 'referral', colleague });
  });

  it('reads a referral without any quote too: a person wrote it, not a rule', async () => {
    const raw = reply('Bob Stone <bob@prospect.example>', ['Jane left the company; I have taken over her clients, happy to talk.'], { quote: false });
    assert.deepEqual(await classify(raw), { kind: 'referral', colleague });
  });

  it('names the colleague in the text rather than the sender', async () => {
    const raw = reply('Bob Stone <bob@prospect.example>', ['Jane left the company. Please contact Paul Ode at paul.ode@prospect.example.']);
    assert.deepEqual(await classify(raw), { kind: 'referral', colleague: { address: 'paul.ode@prospect.example', name: 'Paul Ode' } });
  });

  it('ignores what only the quoted history says', async () => {
    const raw = reply('Bob Stone <bob@prospect.example>', [
      'Thanks, happy to talk on Tuesday.', '', 'On Tue, Dec 1, 2026 at 8:00 AM Ann Lee <ann@prospect.example> wrote:',
      '> Jane is no longer with the company, I took over.',
    ], { quote: false });
    assert.deepEqual(await classify(raw), { kind: 'reply' });
  });

  it('keeps a departure notice with automatic headers an auto-reply, whatever it offers', async () => {
    const raw = reply('Jane Prospect <jane@prospect.example>', ['I have left Prospect Ltd as of 30 November. Please contact Paul Ode at paul.ode@prospect.example.'], {
      headers: ['Auto-Submitted: auto-replied'],
      quote: false,
    });
    assert.deepEqual(await classify(raw), { kind: 'auto_reply', returnDate: null, reason: 'left_company' });
  });

  it('keeps an out-of-office subject an auto-reply', async () => {
    const raw = reply('Bob Stone <bob@prospect.example>', ['Jane is no longer with us, I took over, happy to talk.'], {
      subject: 'Automatic reply: Quick question about your onboarding',
      quote: false,
    });
    assert.equal((await classify(raw)).kind, 'auto_reply');
  });

  it('keeps a bare gone-notice (nobody offered) an automatic left-company notice', async () => {
    const raw = reply('Jane Prospect <jane@prospect.example>', ['Jane Prospect is no longer with Prospect Ltd. Please direct your enquiries to hello@prospect.example.'], { quote: false });
    assert.deepEqual(await classify(raw), { kind: 'auto_reply', returnDate: null, reason: 'left_company' });
  });

  it('keeps a colleague answering for a prospect still there a reply', async () => {
    const raw = reply('Bob Stone <bob@prospect.example>', ['Jane is travelling this week, I look after her inbox. Happy to talk.']);
    assert.deepEqual(await classify(raw), { kind: 'reply' });
  });

  it('offers nobody when the only address named is the departed prospect\'s, and the sender offers nothing', async () => {
    const raw = reply('Bob Stone <bob@prospect.example>', ['Jane left the company. Do not write to jane@prospect.example any more.']);
    assert.deepEqual(await classify(raw, { notColleagues: ['jane@prospect.example'] }), { kind: 'reply' });
  });
});
