import { normalizeProse } from './date-expressions';

/**
 * Someone left the company: "Jane is no longer with Acme", "I have left Acme as of 30 November",
 * "Jane no longer works here", "a quitté la société", "ist nicht mehr bei uns", "ya no trabaja en",
 * "non lavora più qui", "werkt hier niet meer".
 * Phrases about where a person is today ("left for lunch", "no longer at the office today", "I
 * left a voicemail") are absences or chatter, not departures, and are kept out.
 */
const PERSON_GONE = [
  // "no longer at the office today" is an absence, not a departure.
  String.raw`\b(?:is|am|i'm|are|was) no longer (?:with|employed|working (?:at|for|with|here)|part of|on (?:the|our) team|at (?!(?:the |my |her |his |their )?(?:office|desk|work)\b))`,
  String.raw`\bno longer works? (?:here|at|for|with|in)\b`,
  String.raw`\b(?:does not|doesn't|do not|don't) work (?:here|at|for|with)\b[^.¶]{0,40}?\b(?:any ?more|any longer)\b`,
  String.raw`\bleft (?:the|our) (?:company|firm|organi[sz]ation|business|group|team|agency|practice)\b`,
  // "I have left Acme Ltd as of 30 November" (not "I have left the office for the day").
  String.raw`\b(?:have|has|i've) left (?:[a-z0-9&.-]+ ){1,3}(?:as of|effective|since)\b`,
  String.raw`\b(?:has|have) left us\b`,
  // "Jane has left Acme." at the end of a sentence.
  String.raw`\bhas left (?!(?:a|an|the|this|that|it|them|you|me|for|early|work|home|her|his|their|some|no|nothing|everything)\b)[a-z0-9&-]+(?: [a-z0-9&-]+)?(?= ?[.;!]| ¶|$)`,
  // "Jane has left Acme last month" (not "has left a message", "has left for the day").
  String.raw`\bhas left (?!(?:a|an|you|me|for|early|work|home|the office|her|his|their)\b)(?:[a-z0-9&.-]+ ){1,3}(?:last|earlier|recently|in (?:january|february|march|april|may|june|july|august|september|october|november|december))\b`,
  String.raw`\bhas (?:moved on|retired)\b`,
  String.raw`\b(?:her|his|their) last day (?:here |at [a-z0-9&.-]+ )?was\b`,
  String.raw`\bne (?:fait|faisons|faites) plus partie\b`,
  String.raw`\bn'(?:est|suis) plus (?:en poste|salariee?|au sein|chez|parmi nous|avec nous|dans (?:la|l'|notre|nos) ?(?:societe|entreprise|equipe|effectifs))`,
  String.raw`\bne travaille plus (?:chez|pour|avec|ici|dans|au sein)\b`,
  String.raw`\b(?:a|ai) quitte (?:la |l'|notre |nos )?(?:societe|entreprise|groupe|cabinet|agence|equipe|structure)\b`,
  String.raw`\best partie? (?:de (?:la |l'|notre )?(?:societe|entreprise)|a la retraite)\b|\ba pris sa retraite\b`,
  // German and Spanish, the commonest forms.
  String.raw`\bnicht mehr (?:bei uns|in unserem (?:unternehmen|team)|im unternehmen|fur uns tatig|bei [a-z0-9&.-]+ (?:tatig|beschaftigt))\b`,
  String.raw`\bhat (?:das|unser) unternehmen verlassen\b`,
  String.raw`\b(?:ist|sind) (?:aus dem unternehmen )?ausgeschieden\b`,
  String.raw`\bya no (?:trabaja|esta|forma parte) (?:en|con|aqui|para|de)\b`,
  String.raw`\b(?:dejo|ha dejado|abandono|ha abandonado) (?:la|nuestra) (?:empresa|compania|organizacion)\b`,
  // Italian and Dutch.
  String.raw`\bnon (?:lavora|collabora) piu (?:qui|presso|con noi|per|in)\b|\bnon fa piu parte\b|\bha lasciato (?:l'azienda|la societa|il gruppo|il team)\b`,
  String.raw`\bwerkt (?:hier niet meer|niet meer (?:hier|bij|voor))\b|\bis niet meer (?:werkzaam|in dienst|actief) bij\b|\bheeft (?:het bedrijf|ons) verlaten\b`,
];

/** The address itself is closed or unread, whoever had it: "cette adresse n'est plus utilisée". */
const ADDRESS_CLOSED = [
  String.raw`\b(?:address|mailbox|inbox|account) is no longer (?:in use|used|active|monitored|being monitored|valid|checked|read)\b`,
  String.raw`\b(?:adresse|boite|messagerie|compte)(?: (?:e-?mail|mail|electronique|de messagerie|aux lettres))? n'est plus (?:utilisee|active|valide|consultee|relevee|lue|en service)\b`,
];

const PERSON_GONE_PATTERN = new RegExp(PERSON_GONE.join('|'));
const LEFT_COMPANY = new RegExp([...PERSON_GONE, ...ADDRESS_CLOSED].join('|'));

/**
 * Whether `text` (the sender's own words, without the quote) says the address is gone: its owner
 * left, or the mailbox was closed. Such a notice is no answer from the prospect; counted as a
 * reply, it would end the sequence as "replied", swell the reply rate and stop the colleagues at
 * the same company.
 */
export function isLeftCompanyNotice(text: string): boolean {
  return LEFT_COMPANY.test(normalizeProse(text));
}

/** Whether `text` says a person left (not merely that an address was closed): what a referral starts from. */
export function saysSomeoneLeft(text: string): boolean {
  return PERSON_GONE_PATTERN.test(normalizeProse(text));
}
