import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countryOfIp } from './ip-country';

// Addresses of long-standing, stable allocations (MaxMind's own test block, Google DNS, a
// French ISP), so a newer database release does not change the answers.
describe('countryOfIp (GeoLite2 country data, in memory, offline)', () => {
  it('finds the country of IPv4, IPv4-mapped and IPv6 addresses', () => {
    assert.equal(countryOfIp('81.2.69.160'), 'GB');
    assert.equal(countryOfIp('::ffff:81.2.69.160'), 'GB');
    assert.equal(countryOfIp('8.8.8.8'), 'US');
    assert.equal(countryOfIp('2001:4860:4860::8888'), 'US');
    assert.equal(countryOfIp('2a01:e0a::1'), 'FR');
  });

  it('gives null for private, loopback and malformed addresses', () => {
    for (const ip of ['127.0.0.1', '::1', '10.0.0.1', '192.168.1.20', 'fd00::1', '', 'localhost', undefined]) {
      assert.equal(countryOfIp(ip), null, String(ip));
    }
  });
});
