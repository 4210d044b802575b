import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDnsStub, type DnsStub } from '../../tests/support/dns-stub';
import { BuiltinVerifier } from './builtin-verifier';

/** The built-in verifier against a loopback DNS server it is configured to ask (host:port). */
describe('built-in verifier', () => {
  let dns: DnsStub;
  let verifier: BuiltinVerifier;

  before(async () => {
    dns = await startDnsStub({
      'acme.test': { mx: [{ exchange: 'mx2.acme.test', priority: 20 }, { exchange: 'mx1.acme.test', priority: 10 }] },
      'a-only.test': { a: ['192.0.2.10'] },
      'nomail.test': { mx: [{ exchange: '.', priority: 0 }] },
      'empty.test': {},
      'broken-dns.test': { servfail: true },
      'xn--bcher-kva.test': { mx: [{ exchange: 'mx.xn--bcher-kva.test' }] },
    });
    verifier = new BuiltinVerifier({ dnsServers: [dns.server], dnsTimeoutMs: 500 });
  });

  after(() => dns?.stop());

  it('a domain with MX records is valid, its hosts by priority', async () => {
    const result = await verifier.verify('Ada@ACME.test');
    assert.equal(result.verdict, 'valid');
    assert.deepEqual(result.details, { mx: 'mx', mxHosts: ['mx1.acme.test', 'mx2.acme.test'] });
    assert.ok(dns.queries.includes('MX acme.test'), 'asked the configured server');
  });

  it('an internationalised domain is asked in its ASCII form', async () => {
    assert.equal((await verifier.verify('ada@bücher.test')).verdict, 'valid');
    assert.ok(dns.queries.includes('MX xn--bcher-kva.test'));
  });

  it('no MX but an address: valid through the implicit MX (RFC 5321)', async () => {
    const result = await verifier.verify('ada@a-only.test');
    assert.equal(result.verdict, 'valid');
    assert.equal(result.details.mx, 'implicit_mx');
  });

  it('a null MX (RFC 7505), a name without records and an unknown domain are invalid, each saying why', async () => {
    assert.deepEqual((await verifier.verify('ada@nomail.test')).details, { reason: 'null_mx' });
    assert.deepEqual((await verifier.verify('ada@empty.test')).details, { reason: 'no_mail_server' });
    const unknown = await verifier.verify('ada@nowhere.test');
    assert.equal(unknown.verdict, 'invalid');
    assert.deepEqual(unknown.details, { reason: 'no_domain' });
  });

  it('a failing DNS server gives unknown, not invalid', async () => {
    const result = await verifier.verify('ada@broken-dns.test');
    assert.equal(result.verdict, 'unknown');
    assert.deepEqual(result.details, { reason: 'dns_failed' });
  });

  it('bad syntax and disposable domains are settled without DNS', async () => {
    const before = dns.queries.length;
    assert.deepEqual(await verifier.verify('not an address'), { verdict: 'invalid', score: null, details: { reason: 'syntax' } });
    assert.deepEqual(await verifier.verify('ada@@acme.test'), { verdict: 'invalid', score: null, details: { reason: 'syntax' } });
    assert.equal((await verifier.verify('someone@mailinator.com')).verdict, 'disposable');
    assert.equal(dns.queries.length, before, 'no DNS question for them');
  });
});
