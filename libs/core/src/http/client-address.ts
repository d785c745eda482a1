import ipaddr from 'ipaddr.js';

/**
 * The key a client address is counted under by the rate limits: an IPv4 address as it is (also when it
 * arrives IPv4-mapped, `::ffff:1.2.3.4`), an IPv6 address by its /64 network, since one subscriber usually
 * holds a whole /64 and could otherwise take a fresh address for every request. Anything unparsable is
 * counted as it was given.
 */
export function clientAddressKey(address: string | undefined | null): string {
  if (!address) return 'unknown';
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((p) => p.toString(16)).join(':')}::/64`;
}
