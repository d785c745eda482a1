import { clientAddressKey } from './client-address';

describe('clientAddressKey: what a rate limit counts a client under', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::9', '2001:db8:1:2::/64'],
    ['not-an-address', 'not-an-address'],
    [undefined, 'unknown'],
  ])('%s is counted as %s', (address, key) => {
    expect(clientAddressKey(address)).toBe(key);
  });

  it('two addresses of one IPv6 /64 share a key; another /64 does not', () => {
    expect(clientAddressKey('2001:db8:5:6::1')).toBe(clientAddressKey('2001:db8:5:6:ffff::2'));
    expect(clientAddressKey('2001:db8:5:7::1')).not.toBe(clientAddressKey('2001:db8:5:6::1'));
  });
});
