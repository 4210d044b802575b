import type { BounceReason } from './bounce-reasons';

/**
 * The words mail servers use to say why they refused a message, per reason, in the order they are
 * tried: the first rule that matches wins. Reasons about the sender come first, since their
 * wording often names the recipient too ("Sender address rejected: Domain not found" is about our
 * domain; "blocked using zen.spamhaus.org" says "spam" but means a blocklist). Text is folded
 * first: lower case, no accents, one space between words, straight apostrophes.
 *
 * Wording seen from Postfix, Exim, Sendmail, qmail, Exchange / Office 365, Gmail, Yahoo / AOL,
 * Amazon SES, Proofpoint, Mimecast, Barracuda and smaller hosts, in English, French, German,
 * Spanish, Italian, Dutch and Portuguese.
 */
const RULES: ReadonlyArray<readonly [BounceReason, RegExp]> = [
  [
    'relaying_denied',
    /\brelay(?:ing)? (?:access )?(?:denied|not permitted|not allowed|prohibited|refused)|\bunable to relay\b|\bnot permitted to relay\b|\bwe do not relay\b|\bno relaying\b|\bcannot relay\b|\btenantattribution\b|\brelais (?:refuse|interdit)|\brelaying (?:verweigert|nicht erlaubt)/,
  ],
  [
    'sender_rejected',
    /\bsender (?:address )?(?:rejected|denied|refused|not allowed)|\bsender verify failed\b|\bsender verification failed\b|\bdomain of sender address\b|\binvalid sender\b|\bunverified sender\b|\bsender address must exist\b|\bmail from (?:address )?(?:rejected|refused)|\bunregistered domains?\b|\bbad sender\b|\bexpediteur (?:refuse|inconnu|invalide)|\babsender(?:adresse)? (?:abgelehnt|ungultig)/,
  ],
  ['greylisted', /\b(?:grey|gray)[- ]?list(?:ed|ing)?\b|\bpostgrey\b|\bgreylisting in action\b|\btry again in \d+ (?:seconds|minutes)\b/],
  [
    'ptr_required',
    /\breverse dns\b|\breverse-dns\b|\brdns\b|\bptr\b|\breverse (?:lookup|hostname|mapping|dns lookup)\b|\bcannot find your hostname\b|\bcannot find your reverse hostname\b|\bclient host name lookup failed\b|\bdns inverse\b|\bresolution inverse\b/,
  ],
  [
    'blocked_blacklist',
    /\bspamhaus\b|\bspamcop\b|\bbarracudacentral\b|\bbarracuda reputation\b|\bsorbs\b|\bsurbl\b|\buribl\b|\bdnsbl\b|\brbl\b|\bblack ?list(?:ed)?\b|\bblock ?list(?:ed)?\b|\bblocked using\b|\blisted (?:at|on|in|by)\b|\bbanned sending ip\b|\bipcheck\.proofpoint\b|\bcbl\.abuseat\b|\bmailspike\b|\binvaluement\b|\bpsbl\b|\bliste noire\b|\bschwarzen? liste\b|\blista negra\b|\blista nera\b|\bzwarte lijst\b/,
  ],
  [
    'blocked_reputation',
    /\breputation\b|\bts[s]?0\d\b|\bunexpected volume\b|\buser complaints\b|\bunusual rate of unsolicited\b|\btraffic not accepted from this ip\b|\b(?:sending |your )?ip (?:address )?(?:is |has been )?(?:blocked|banned|blacklisted|rejected)\b|\bip you're using to send mail is not authorized\b|\bclient host (?:\[[^\]]*\] )?(?:blocked|rejected)\b|\bmauvaise reputation\b|\breputacion\b|\breputazione\b/,
  ],
  [
    'authentication_failed',
    /\bspf\b|\bdkim\b|\bdmarc\b|\bunauthenticated\b|\bnot authenticated\b|\bauthentication (?:checks?|failed|failure|required|information)\b|\bsender policy framework\b|\bdomainkeys\b|\barc validation\b|\bauthentifi(?:cation|zierung)\b/,
  ],
  ['virus_detected', /\bvirus\b|\bmalware\b|\binfected\b|\btrojan\b|\beicar\b|\bschadsoftware\b|\blogiciel malveillant\b|\bvirus detecte\b/],
  [
    'no_mail_accepted',
    /\bnull mx\b|\bdoes not accept (?:any )?(?:e-?)?mail\b|\baccepts no (?:e-?)?mail\b|\bdomain does not receive (?:e-?)?mail\b|\bno mail (?:is )?accepted\b|\bn'accepte (?:aucun|pas de) (?:courrier|e-?mail)/,
  ],
  [
    'host_unknown',
    /\bhost or domain name not found\b|\bdomain name not found\b|\bname service error\b|\bno such domain\b|\bdomain (?:does not exist|doesn't exist|not found|unknown|is unknown)\b|\bunrouteable (?:mail )?domain\b|\bnonexistentdomain\b|\bhost not found\b|\bunknown host\b|\bhost unknown\b|\bno mx (?:record|host)s?\b|\bmx lookup failed\b|\bcouldn't find any host\b|\bunable to route\b|\b(?:domaine|domain|dominio|domein)\b[^.;]{0,30}\b(?:inexistant|introuvable|inconnu|n'existe pas|existiert nicht|nicht gefunden|unbekannt|no existe|inexistente|non esiste|bestaat niet|nao existe)/,
  ],
  [
    'address_moved',
    /\b(?:user|recipient|mailbox|address) has (?:moved|changed)\b|\bmoved permanently\b|\buser not local\b|\bmailbox owner has changed\b|\bnew address is\b|\ba change d'adresse\b|\bist umgezogen\b|\bneue adresse\b|\bha cambiado de direccion\b/,
  ],
  [
    'mailbox_disabled',
    /(?<!your )\baccount (?:is |has been )?(?:disabled|deactivated|suspended|inactive|locked|closed|expired)\b|\b(?:mailbox|inbox|user|recipient) (?:is |has been )?(?:disabled|deactivated|suspended|inactive|closed|not active|locked)\b|\b(?:account|mailbox) that you tried to reach is (?:disabled|inactive)\b|\bcompte (?:est )?(?:desactive|suspendu|bloque|inactif|ferme)|\bboite (?:aux lettres )?(?:est )?(?:desactivee|suspendue|fermee)|\b(?:konto|postfach) (?:ist )?(?:gesperrt|deaktiviert|stillgelegt)|\bcuenta (?:esta )?(?:desactivada|suspendida|inactiva|bloqueada)|\b(?:account|casella) (?:e )?(?:disabilitat[oa]|disattivat[oa]|sospes[oa])|\b(?:account|mailbox|postvak) is (?:uitgeschakeld|gedeactiveerd|geblokkeerd)|\bconta (?:esta )?(?:desativada|suspensa|bloqueada)/,
  ],
  [
    'mailbox_full',
    /\bmailbox (?:is )?full\b|\bmailbox (?:size )?(?:limit )?exceeded\b|\bover ?quota\b|\bquota (?:exceeded|exceed|full)\b|\bexceeded (?:the |its )?(?:storage|quota)|\binsufficient (?:storage|space)\b|\bout of storage\b|\bdisk quota\b|\bmailbox has exceeded\b|\binbox is full\b|\bmailfolder is over\b|\bboite (?:aux lettres |de reception )?(?:est )?pleine\b|\bquota (?:atteint|depasse)|\bpostfach (?:ist )?voll\b|\bspeicherplatz (?:ist )?(?:voll|erschopft|uberschritten)|\bbuzon (?:esta )?lleno\b|\bcuota (?:excedida|superada)|\bcasella\b[^.;]{0,25}\bpiena\b|\b(?:mailbox|postvak|postbus) (?:is )?vol\b|\bcaixa (?:de correio )?(?:esta )?(?:cheia|lotada)|\bquota excedida\b/,
  ],
  [
    'message_too_big',
    /\bmessage (?:is )?too (?:big|large)\b|\bmessage size exceeds\b|\bsize limit exceeded\b|\bexceeds (?:the )?(?:maximum )?(?:allowed )?(?:message )?size\b|\bmessage (?:length|size) exceeds\b|\btoo large\b|\bmessage trop (?:gros|volumineux)|\btaille (?:maximale )?(?:du message )?depasse|\bnachricht (?:ist )?zu gross\b|\bmensaje (?:es )?demasiado grande\b|\bmessaggio troppo grande\b|\bbericht is te groot\b|\bmensagem (?:e )?muito grande\b/,
  ],
  [
    'syntax_error',
    /\bsyntax error\b|\bbad (?:recipient )?address syntax\b|\binvalid (?:address )?syntax\b|\bmalformed (?:address|recipient)\b|\binvalid address format\b|\bline too long\b|\bcommand unrecognized\b/,
  ],
  [
    'user_unknown',
    /\buser unknown\b|\bunknown user\b|\bno such (?:user|mailbox|recipient|address|account|person)\b|\b(?:user|mailbox|recipient|address|account) (?:does not|doesn't|does ?n't) exist\b|\b(?:mailbox|recipient|address|user|account) (?:not found|unknown|is unknown)\b|\binvalid (?:recipient|mailbox|user)\b|\bunknown (?:recipient|mailbox|address|local[- ]part|alias)\b|\bnot a (?:valid|known) (?:user|recipient|mailbox)\b|\brecip(?:ient)?notfound\b|\bdoes ?n[o']t have an? [a-z0-9.-]+ account\b|\bno mailbox here\b|\baddressee unknown\b|\bunrouteable address\b|\b(?:address|recipient|mailbox)\b[^.;]{0,30}\b(?:couldn't|could not|can't|cannot) be found\b|\bwasn't found at\b|\bemail account that you tried to reach does not exist\b|\b(?:utilisateur|destinataire|adresse|boite aux lettres) (?:est )?(?:inconnue?|inexistante?|invalide)\b|\b(?:utilisateur|destinataire|adresse|boite aux lettres)\b[^.;]{0,30}\bn'existe pas\b|\b\w*(?:benutzer|empfanger|postfach|adresse|mailbox|nutzer)\b[^.;]{0,20}\b(?:unbekannt|existiert nicht|nicht gefunden)\b|\bunbekannte[rs]? (?:benutzer|empfanger|adresse)\b|\b(?:usuario|destinatario|direccion|buzon)\b[^.;]{0,25}\b(?:desconocido|inexistente|no existe|no valida)\b|\b(?:utente|destinatario|indirizzo|casella)\b[^.;]{0,25}\b(?:sconosciut[oa]|inesistente|non esiste|non valido)\b|\bonbekende (?:gebruiker|ontvanger)\b|\b(?:gebruiker|ontvanger|adres|postvak)\b[^.;]{0,20}\b(?:bestaat niet|onbekend)\b|\b(?:usuario|destinatario|endereco)\b[^.;]{0,25}\b(?:desconhecido|inexistente|nao existe|invalido)\b/,
  ],
  [
    'rate_limited',
    /\btoo many (?:connections|messages|recipients|emails|mails|concurrent|sessions)\b|\brate[- ]?limit(?:ed|ing)?\b|\breceiving mail at a rate\b|\bsending rate\b|\bthrottl(?:ed|ing)\b|\bconnection rate\b|\bmessage rate\b|\btoo much mail\b|\bexceeded (?:the )?(?:sending|message|daily) (?:limit|quota|rate)\b|\btrop de (?:connexions|messages)\b|\bzu viele (?:verbindungen|nachrichten)\b|\bdemasiad[oa]s (?:conexiones|mensajes)\b/,
  ],
  [
    'expired_in_queue',
    /\bretry timeout exceeded\b|\bmessage (?:has )?expired\b|\btoo long in (?:the )?queue\b|\bin the queue too long\b|\bcould not be delivered for \d+ (?:days|hours)\b|\bdelivery time expired\b|\bgiving up\b|\bgave up\b|\bi'm not going to try again\b|\bmaximum (?:retry|delivery) time\b|\bexpired after\b|\bdelai (?:de remise )?(?:depasse|expire)|\bzustellung (?:wurde )?abgebrochen\b/,
  ],
  [
    'spam_detected',
    /\bspam\b|\bunsolicited\b|\bjunk mail\b|\bbulk mail\b|\bspamassassin\b|\bspam score\b|\bcourrier indesirable\b|\bpourriel\b|\bspamverdacht\b|\bcorreo no deseado\b|\bposta indesiderata\b|\bongewenste (?:e-?mail|post)\b/,
  ],
  [
    'content_rejected',
    /\bcontent (?:rejected|filter|policy|not accepted)\b|\bmessage content\b|\bprohibited (?:content|attachment)\b|\battachment (?:type )?(?:is )?(?:not allowed|blocked|rejected|prohibited)\b|\bbad content\b|\bforbidden (?:content|attachment|words?)\b|\burl (?:is )?(?:blocked|blacklisted)\b|\bexecutable (?:attachment|file)s? (?:are )?(?:not allowed|blocked|rejected)\b|\bcontent-filter\b|\bits content\b|\bcontenu (?:refuse|interdit)\b|\binhalt (?:abgelehnt|nicht erlaubt)\b/,
  ],
  [
    'network_error',
    /\bconnection (?:timed out|refused|reset|lost|closed)\b|\btimed out\b|\bnetwork (?:is )?unreachable\b|\bno route to host\b|\b(?:could not|unable to) connect\b|\blost connection\b|\btls (?:negotiation |handshake )?failed\b/,
  ],
  [
    'system_error',
    /\bsystem error\b|\binternal (?:server )?error\b|\blocal error\b|\bserver (?:error|failure)\b|\brouting loop\b|\btoo many hops\b|\bmail loop\b|\bloop(?:ing| detected)\b|\bconfiguration error\b|\berreur (?:systeme|interne)\b|\binterner fehler\b/,
  ],
  [
    'temporary_failure',
    /\btry again later\b|\btemporar(?:y|ily) (?:failure|unavailable|rejected|deferred|problem|error)\b|\bservice (?:temporarily )?(?:not )?(?:available|unavailable)\b|\bplease retry\b|\bessayez plus tard\b|\bspater (?:erneut|noch einmal)\b/,
  ],
  ['protocol_error', /\bprotocol error\b|\bbad sequence of commands\b|\bbare lf\b|\bout of sequence\b|\bimproper use of smtp\b/],
  [
    'policy_rejected',
    /\bpolicy\b|\badministrative prohibition\b|\bprohibited\b|\bnot authori[sz]ed\b|\bunauthori[sz]ed\b|\baccess denied\b|\benvelope blocked\b|\b(?:rejected|blocked) by (?:the )?(?:recipient|policy|rule|transport rule|administrator|organization)\b|\bnot allowed to send\b|\bpolitique\b|\brichtlinien?\b|\bpolitica\b|\bbeleid\b/,
  ],
];

/** The reason the words of a diagnostic or of a bounce's text give; null when none is recognised. */
export function reasonFromWording(text: string | null): BounceReason | null {
  if (!text) return null;
  const folded = foldWording(text);
  for (const [reason, pattern] of RULES) if (pattern.test(folded)) return reason;
  return null;
}

export function foldWording(text: string): string {
  return text
    // Continuation prefixes of a multi-line reply ("550-5.7.1 ") cut phrases apart: only the first stays.
    .replace(/(?<=\s)[245]\d\d[- ](?:[245]\.\d{1,3}\.\d{1,3}\s)?(?=\S)/g, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\s+/g, ' ');
}
