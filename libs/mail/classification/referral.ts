import { normalizeProse } from './date-expressions';
import { saysSomeoneLeft } from './left-company';

/** The person a referral offers in place of the one who left. */
export interface ReferralColleague {
  /** Lower-cased address: named in the text, else the sender's own. */
  address: string;
  /** As written next to the address, or the sender's display name; null when none is given. */
  name: string | null;
}

export interface ReferralInput {
  /** What the sender wrote, without the quoted history or the signature. */
  ownText: string;
  from: { address: string; name: string } | null;
  /** Addresses that cannot be the colleague: ours, the departed prospect's. */
  notColleagues?: readonly string[];
}

/**
 * The sender offers themself: "I took over her accounts", "happy to talk", "feel free to reach out
 * to me", "j'ai repris ses dossiers", "n'hésitez pas à me contacter", "ich habe ihre Kunden
 * übernommen", "quedo a su disposición", "ho preso in carico i suoi clienti", "neem gerust contact met mij op".
 */
const SELF_OFFER = new RegExp(
  [
    String.raw`\bi(?:'ve| have)? (?:took|taken) over\b`,
    String.raw`\bi(?:'m| am) (?:now )?(?:taking over|handling|in charge of|responsible for|looking after|managing|covering|your (?:new )?(?:contact|point of contact))\b`,
    String.raw`\b(?:i(?:'m| am)|as) (?:[a-z]+'s |her |his |their )?(?:replacement|successor)\b`,
    String.raw`\bi(?:'ve| have)? replaced (?:her|him|them)\b`,
    String.raw`\bi(?:'ll| will) be (?:your|the) (?:new )?(?:contact|point of contact)\b`,
    String.raw`\b(?:happy|glad|pleased|keen|delighted) to (?:talk|chat|discuss|help|connect|speak|continue|pick (?:this|it) up|have a (?:call|chat|look)|take (?:a look|this|it) (?:forward|over))\b`,
    String.raw`\bwould (?:love|like|be happy|be glad) to (?:talk|chat|discuss|hear|connect|learn|speak)\b`,
    String.raw`\b(?:feel free to|please|you (?:can|may)) (?:reach out|contact|get in touch|write|email|e-mail|call|ping)(?: (?:to|with))? me\b`,
    String.raw`\bj'ai repris\b|\bje reprends\b|\bc'est (?:desormais |maintenant )?moi qui\b`,
    String.raw`\bje (?:la|le|les) remplace\b|\bje suis (?:son|sa|leur) (?:remplacante?|successeur|successeuse)\b`,
    String.raw`\bje (?:m'occupe|suis en charge|gere) (?:desormais|maintenant|a present)\b`,
    String.raw`\bje suis (?:desormais|maintenant|a present) (?:en charge|responsable|votre (?:contact|interlocut))`,
    String.raw`\bn'hesitez pas a me (?:contacter|joindre|ecrire|rappeler|appeler)\b|\bvous pouvez me (?:contacter|joindre|ecrire|appeler)\b`,
    String.raw`\bje (?:reste|suis|me tiens) a (?:votre|ta) (?:entiere )?disposition\b`,
    String.raw`\b(?:ravie?|heureuse?|heureux|contente?) d'(?:en )?(?:echanger|discuter|en parler|parler)\b`,
    String.raw`\bich (?:habe|bin) [^.¶]{0,40}ubernommen\b|\bich bin (?:jetzt |nun )?(?:ihr|ihre) (?:neuer |neue )?ansprechpartner(?:in)?\b`,
    String.raw`\b(?:melden sie sich|kontaktieren sie mich|schreiben sie mir) gerne\b|\bstehe (?:ich )?ihnen gerne zur verfugung\b`,
    String.raw`\b(?:me encargo|me ocupo|he asumido|asumo) (?:de |sus |su |los |las |el |la )|\bsoy (?:su|tu) (?:nuevo |nueva )?(?:contacto|interlocutor|sustitut[oa]|reemplazo)\b`,
    String.raw`\bno dudes? en (?:contactarme|escribirme|llamarme)\b|\bquedo a (?:su|tu) (?:entera )?disposicion\b|\bestare encantad[oa] de\b`,
    String.raw`\bho preso in carico\b|\bsono (?:il suo|la sua) (?:sostitut[oa]|successore)\b|\bnon esiti a contattarmi\b|\bresto a (?:sua|tua|vostra) disposizione\b`,
    String.raw`\bik heb (?:haar|zijn|hun) [^.¶]{0,30}overgenomen\b|\bneem gerust contact met mij op\b|\bik ben (?:uw|je) (?:nieuwe )?contactpersoon\b`,
  ].join('|'),
);

/**
 * A sentence that hands over to the person it names: "please contact Paul Martin at …", "Paul
 * (…) took over her accounts", "veuillez contacter …", "wenden Sie sich an …", "contacte con …".
 */
const HANDOVER = new RegExp(
  [
    String.raw`\b(?:contact|reach(?: out to)?|write to|email|e-mail|get in touch with|speak (?:to|with)|talk to|connect with|ask for)\b`,
    String.raw`\bdirect (?:your |any |all )?(?:enquiries|inquiries|questions|emails?|requests)\b`,
    String.raw`\b(?:took|taken|takes|taking) over\b|\bnow (?:handles|handling|manages|managing|looks after|covers|in charge|responsible|leads)\b`,
    String.raw`\b(?:replacement|successor)\b|\breplaced (?:her|him|them)\b|\bin charge of\b|\bresponsible for\b`,
    String.raw`\bcontact(?:er|ez)\b|\becri(?:re|vez) a\b|\bjoindre\b|\badress(?:er|ez)(?:-vous)? a\b|\brepris\b|\breprend\b|\bremplace\b|\ben charge\b|\bsuccesseur\b|\binterlocut`,
    String.raw`\bwenden sie sich\b|\bkontaktieren\b|\bschreiben sie\b|\berreichen\b|\bubernommen\b|\bzustandig\b|\bansprechpartner`,
    String.raw`\bcontact(?:ar|e|a) (?:a|con)\b|\bescrib(?:ir|a) a\b|\bse encarga\b|\bha asumido\b|\breemplaza\b|\bsustituye\b|\bresponsable\b`,
    String.raw`\bcontatt(?:are|i|ate)\b|\bscriv(?:ere|a) a\b|\b(?:si )?rivolg(?:ersi|a|ete)\b|\bha preso in carico\b|\bsostitu`,
    String.raw`\bcontact op(?:nemen)? met\b|\bmailen naar\b|\bheeft [^.¶]{0,30}overgenomen\b|\bcontactpersoon\b`,
  ].join('|'),
);

/** Addresses of a function, not a person: no one to suggest as a prospect. */
const ROLE_LOCAL_PART = new RegExp(
  '^(?:info|infos|contact|contacts|kontakt|contacto|sales|ventes|vertrieb|ventas|commercial|support|help|hello|hi|bonjour|' +
    'office|admin|team|service|services|enquiries|inquiries|reception|accueil|noreply|no-reply|donotreply|do-not-reply|mail|' +
    'webmaster|marketing|hr|rh|jobs|careers|recrutement|billing|press|presse|postmaster|mailer-daemon)$',
);
const ADDRESS = /[a-z0-9][a-z0-9._%+'-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;
/** A few capitalised words (a name, particles like "de" or "van" allowed) just before the address, then "at", "(", "<", ":"… */
const NAME_BEFORE = /((?:\p{Lu}[\p{L}'’-]*\.?\s+(?:(?:de|van|der|den|von|di|da|du|del|della|le|la|ter|ten)\s+){0,2}){0,2}\p{Lu}[\p{L}'’-]+)\s*(?:,|:|-|–|\(|<|\[|\bat\b|\bon\b|\bvia\b|à l'adresse|\bunter\b|\ben\b)?\s*$/u;
const NAME_AFTER = /^\s*[(<[]\s*((?:\p{Lu}[\p{L}'’-]+\s+){0,2}\p{Lu}[\p{L}'’-]+)\s*[)>\]]/u;
/** Capitalised words that open a sentence or a request, not a name. */
const NOT_NAMES = new Set([
  'please', 'contact', 'email', 'e-mail', 'write', 'reach', 'ask', 'mr', 'mrs', 'ms', 'dr', 'veuillez', 'contactez', 'merci',
  'écrivez', 'm', 'mme', 'madame', 'monsieur', 'bitte', 'herr', 'frau', 'kontaktieren', 'sr', 'sra', 'señor', 'señora', 'su',
  'her', 'his', 'their', 'our', 'my', 'colleague', 'collègue', 'kollege', 'kollegin', 'compañero', 'compañera',
]);

/**
 * A colleague's answer that the prospect left, offering someone to talk to instead: the person it
 * names with an address (not ours, not the departed prospect's, not a function like info@), else
 * the sender when they offer themself. Null when the text says nobody left, or offers nobody:
 * "she left for lunch", a colleague answering for a prospect still there, a bare gone-notice.
 */
export function findReferral(input: ReferralInput): ReferralColleague | null {
  if (!saysSomeoneLeft(input.ownText)) return null;
  const excluded = new Set((input.notColleagues ?? []).map((address) => address.toLowerCase()));
  const named = namedColleague(input.ownText, excluded);
  if (named) return named;
  const sender = input.from?.address.toLowerCase();
  if (!sender || excluded.has(sender) || !SELF_OFFER.test(normalizeProse(input.ownText))) return null;
  const name = input.from?.name.trim() ?? '';
  return { address: sender, name: name === '' || name.toLowerCase() === sender ? null : name };
}

/** The first person's address in a sentence that hands over to them. */
function namedColleague(text: string, excluded: ReadonlySet<string>): ReferralColleague | null {
  for (const sentence of text.split(/(?<=[.!?;])\s+|\n\s*\n/)) {
    if (!HANDOVER.test(normalizeProse(sentence))) continue;
    for (const match of sentence.matchAll(ADDRESS)) {
      const address = match[0].replace(/[.'-]+$/, '').toLowerCase();
      const localPart = address.slice(0, address.indexOf('@'));
      if (excluded.has(address) || ROLE_LOCAL_PART.test(localPart)) continue;
      const index = match.index ?? 0;
      return { address, name: nameNear(sentence.slice(Math.max(0, index - 60), index), sentence.slice(index + match[0].length)) };
    }
  }
  return null;
}

function nameNear(before: string, after: string): string | null {
  const found = NAME_AFTER.exec(after)?.[1] ?? NAME_BEFORE.exec(before)?.[1];
  if (!found) return null;
  const words = found.split(/\s+/);
  while (words.length > 0 && NOT_NAMES.has(words[0].toLowerCase().replace(/\.$/, ''))) words.shift();
  return words.length > 0 ? words.join(' ') : null;
}
