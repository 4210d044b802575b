import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isNonPublicAddress } from './private-address';

describe('isNonPublicAddress', () => {
  it('flags IPv4 loopback, private, link-local, CGNAT, unspecified, multicast and reserved addresses', () => {
    for (const address of [
      '127.0.0.1', '127.9.9.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.10', '169.254.169.254',
      '100.64.0.1', '100.127.255.254', '0.0.0.0', '224.0.0.1', '239.255.255.250', '255.255.255.255', '198.18.0.1',
    ]) {
      assert.equal(isNonPublicAddress(address), true, address);
    }
  });

  it('flags IPv6 loopback, unspecified, unique-local, link-local, site-local and multicast addresses', () => {
    for (const address of ['::1', '::', 'fd00::1', 'fc12:3456::9', 'fe80::1', 'febf::1', 'fec0::1', 'ff02::1', '0:0:0:0:0:0:0:1']) {
      assert.equal(isNonPublicAddress(address), true, address);
    }
  });

  it('judges IPv4-mapped and IPv4-compatible IPv6 addresses by the IPv4 address they carry', () => {
    for (const address of [
      '::ffff:127.0.0.1', '::FFFF:10.0.0.1', '::ffff:7f00:1', '0:0:0:0:0:ffff:a9fe:a9fe', '::ffff:100.64.0.1',
      '::127.0.0.1', '::7f00:1', '::10.0.0.1',
    ]) {
      assert.equal(isNonPublicAddress(address), true, address);
    }
    for (const address of ['::ffff:8.8.8.8', '::ffff:808:808']) assert.equal(isNonPublicAddress(address), false, address);
  });

  it('lets public addresses through, and names (judged once resolved)', () => {
    for (const address of ['8.8.8.8', '172.32.0.1', '192.169.0.1', '100.128.0.1', '198.51.100.7', '2a00:1450:4007::1', '2001:db8::1', 'smtp.example.com']) {
      assert.equal(isNonPublicAddress(address), false, address);
    }
  });
});
