import { Resolver } from 'node:dns/promises';
import { isEmail } from 'class-validator';
import { isDisposableEmailDomain } from 'disposable-email-domains-js';
import type { EnrichmentConfig } from '@relance/config';
import { normaliseEmail } from '@relance/mail/email-address';
import type { Verification } from './verification';

/** Whether a domain receives mail, as DNS tells: its MX hosts, or its own address (RFC 5321 §5.1 implicit MX). */
export type MailDomain =
  | { accepts: true; via: 'mx' | 'implicit_mx'; hosts: string[] }
  | { accepts: false; reason: 'no_domain' | 'no_mail_server' | 'null_mx' }
  | { accepts: null; reason: 'dns_failed' };

/** DNS answers that say the name or the record does not exist (as opposed to a resolver failure). */
const MISSING = new Set(['ENOTFOUND', 'ENODATA']);

/**
 * The verifier that needs no provider: the address's syntax (Relance's own normalisation and
 * the API's validator), disposable domains (the maintained list of disposable-email-domains-js),
 * and whether the domain receives mail (MX lookup, through the configured DNS servers). It
 * cannot ask the mailbox itself (no SMTP probe): `valid` here means "deliverable as far as DNS
 * can tell".
 */
export class BuiltinVerifier {
  private readonly resolver: Resolver;

  constructor(config: Pick<EnrichmentConfig, 'dnsServers' | 'dnsTimeoutMs'>) {
    this.resolver = new Resolver({ timeout: config.dnsTimeoutMs, tries: 2 });
    if (config.dnsServers) this.resolver.setServers([...config.dnsServers]);
  }

  /** The normalised address when its syntax is valid, else null. */
  static syntax(email: string): string | null {
    const normalised = normaliseEmail(email);
    return normalised.length <= 254 && isEmail(normalised, { allow_utf8_local_part: true }) ? normalised : null;
  }

  static isDisposable(domain: string): boolean {
    return isDisposableEmailDomain(domain);
  }

  async verify(email: string): Promise<Verification> {
    const address = BuiltinVerifier.syntax(email);
    if (!address) return { verdict: 'invalid', score: null, details: { reason: 'syntax' } };
    const domain = address.slice(address.lastIndexOf('@') + 1);
    if (BuiltinVerifier.isDisposable(domain)) return { verdict: 'disposable', score: null, details: { reason: 'disposable_domain' } };
    const mail = await this.mailDomain(domain);
    if (mail.accepts === null) return { verdict: 'unknown', score: null, details: { reason: mail.reason } };
    if (!mail.accepts) return { verdict: 'invalid', score: null, details: { reason: mail.reason } };
    return { verdict: 'valid', score: null, details: { mx: mail.via, mxHosts: mail.hosts.slice(0, 5) } };
  }

  async mailDomain(domain: string): Promise<MailDomain> {
    try {
      const records = await this.resolver.resolveMx(domain);
      // RFC 7505: a single MX of "." says the domain accepts no mail at all.
      const hosts = records.sort((a, b) => a.priority - b.priority).map((record) => record.exchange).filter((host) => host !== '' && host !== '.');
      if (hosts.length > 0) return { accepts: true, via: 'mx', hosts };
      if (records.length > 0) return { accepts: false, reason: 'null_mx' };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'ENOTFOUND') return { accepts: false, reason: 'no_domain' };
      if (!MISSING.has(code)) return { accepts: null, reason: 'dns_failed' };
    }
    try {
      const addresses = await this.resolver.resolve4(domain);
      return addresses.length > 0 ? { accepts: true, via: 'implicit_mx', hosts: [domain] } : { accepts: false, reason: 'no_mail_server' };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (MISSING.has(code)) return { accepts: false, reason: code === 'ENOTFOUND' ? 'no_domain' : 'no_mail_server' };
      return { accepts: null, reason: 'dns_failed' };
    }
  }
}
