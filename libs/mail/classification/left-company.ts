import { normalizeProse } from './date-expressions';

/**
 * Notices that nobody will read the address any more: its owner left the company, or the
 * mailbox was closed ("Jane is no longer with Acme", "cette adresse n'est plus utilisée").
 * Such a notice is no answer from the prospect; counted as a reply, it would end the sequence
 * as "replied", swell the reply rate and stop the colleagues at the same company.
 */
const LEFT_COMPANY = new RegExp(
  [
    // "no longer at the office today" is an absence, not a departure.
    String.raw`\b(?:is|am|i'm|are) no longer (?:with|employed|working (?:at|for|with)|part of|at (?!(?:the |my )?(?:office|desk|work)\b))`,
    String.raw`\bleft (?:the|our) (?:company|firm|organi[sz]ation|business|group)\b`,
    // "I have left Acme Ltd as of 30 November" (not "I have left the office for the day").
    String.raw`\b(?:have|has|i've) left (?:[a-z0-9&.-]+ ){1,3}(?:as of|effective|since)\b`,
    String.raw`\b(?:address|mailbox|inbox|account) is no longer (?:in use|used|active|monitored|being monitored|valid|checked|read)\b`,
    String.raw`\bne (?:fait|faisons|faites) plus partie\b`,
    String.raw`\bn'(?:est|suis) plus (?:en poste|salariee?|au sein|chez|dans (?:la|l'|notre) ?(?:societe|entreprise))`,
    String.raw`\b(?:a|ai) quitte (?:la |l'|notre )?(?:societe|entreprise|groupe|cabinet|agence)\b`,
    String.raw`\b(?:adresse|boite|messagerie|compte)(?: (?:e-?mail|mail|electronique|de messagerie|aux lettres))? n'est plus (?:utilisee|active|valide|consultee|relevee|lue|en service)\b`,
  ].join('|'),
);

/** Whether `text` (the sender's own words, without the quote) says the address is gone. */
export function isLeftCompanyNotice(text: string): boolean {
  return LEFT_COMPANY.test(normalizeProse(text));
}
