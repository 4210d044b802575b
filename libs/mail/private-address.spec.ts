import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isNonPublicAddress, nonPublicAddressOf } from './private-address';

describe('isNonPublicAddress', () => {
  it('flags loopback, private, link-local, CGNAT, multicast and unspecified addresses', () => {
    for (const address of [
      '127.0.0.1', '127.9.9.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.10', '169.254.169.254', '100.64.0.1',
      '0.0.0.0', '224.0.0.1', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::FFFF:10.0.0.1',
    ]) {
      assert.equal(isNonPublicAddress(address), true, address);
    }
  });

  it('lets public addresses and names through', () => {
    for (const address of ['8.8.8.8', '172.32.0.1', '192.169.0.1', '2a00:1450:4007::1', '::ffff:8.8.8.8', 'smtp.example.com']) {
      assert.equal(isNonPublicAddress(address), false, address);
    }
  });
});

describe('nonPublicAddressOf', () => {
  it('resolves names: localhost is this machine; an IP literal is judged as it is', async () => {
    assert.match((await nonPublicAddressOf('localhost')) ?? '', /^(127\.0\.0\.1|::1)$/);
    assert.equal(await nonPublicAddressOf('10.0.0.5'), '10.0.0.5');
    assert.equal(await nonPublicAddressOf('8.8.8.8'), null);
  });

  it('leaves a name that does not resolve to the connection attempt', async () => {
    assert.equal(await nonPublicAddressOf('no-such-host.invalid'), null);
  });
});
