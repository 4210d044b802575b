import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anonymiseIp, normaliseIp } from './anonymise-ip';

describe('anonymiseIp', () => {
  it('keeps the /24 of an IPv4 address', () => {
    assert.equal(anonymiseIp('203.0.113.77'), '203.0.113.0');
    assert.equal(anonymiseIp('10.1.2.255'), '10.1.2.0');
    assert.equal(anonymiseIp('127.0.0.1'), '127.0.0.0');
    assert.equal(anonymiseIp(' 198.51.100.7 '), '198.51.100.0');
  });

  it('keeps the /48 of an IPv6 address, in canonical form', () => {
    assert.equal(anonymiseIp('2001:db8:85a3:8d3:1319:8a2e:370:7348'), '2001:db8:85a3::');
    assert.equal(anonymiseIp('2001:0DB8:0001:0002:0003:0004:0005:0006'), '2001:db8:1::');
    assert.equal(anonymiseIp('2a01:e0a:1f:2::1'), '2a01:e0a:1f::');
    assert.equal(anonymiseIp('2001:db8::1'), '2001:db8::');
    assert.equal(anonymiseIp('2001::5'), '2001::');
    assert.equal(anonymiseIp('::1'), '::');
    assert.equal(anonymiseIp('fe80::1%eth0'), 'fe80::');
  });

  it('treats an IPv4-mapped IPv6 address (dual-stack sockets) as the IPv4 address', () => {
    assert.equal(anonymiseIp('::ffff:203.0.113.77'), '203.0.113.0');
    assert.equal(anonymiseIp('::FFFF:cb00:714d'), '203.0.113.0');
    assert.equal(anonymiseIp('0:0:0:0:0:ffff:198.51.100.200'), '198.51.100.0');
  });

  it('drops the host part: no address of the same network is told apart', () => {
    const seen = new Set(['203.0.113.1', '203.0.113.254', '::ffff:203.0.113.9'].map(anonymiseIp));
    assert.deepEqual([...seen], ['203.0.113.0']);
    const v6 = new Set(['2001:db8:aa::1', '2001:db8:aa:ffff:ffff:ffff:ffff:ffff'].map(anonymiseIp));
    assert.deepEqual([...v6], ['2001:db8:aa::']);
  });

  it('gives null for what is not an address', () => {
    for (const value of [undefined, null, '', 'unknown', '203.0.113', '203.0.113.256', '2001:db8:::1', 'a.b.c.d', '1.2.3.4, 5.6.7.8']) {
      assert.equal(anonymiseIp(value), null, String(value));
    }
  });
});

describe('normaliseIp', () => {
  it('keeps the full address, IPv4 for mapped ones, zone dropped', () => {
    assert.equal(normaliseIp('::ffff:81.2.69.160'), '81.2.69.160');
    assert.equal(normaliseIp('81.2.69.160'), '81.2.69.160');
    assert.equal(normaliseIp('2001:4860:4860:0:0:0:0:8888'), '2001:4860:4860::8888');
    assert.equal(normaliseIp('fe80::1%2'), 'fe80::1');
    assert.equal(normaliseIp('nope'), null);
  });
});
