import ipaddr from 'ipaddr.js';

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/**
 * True only for a globally routable unicast address. Everything ipaddr.js classifies otherwise is refused:
 * loopback, private, link-local (169.254.169.254, the cloud metadata address, among them), unique-local,
 * multicast, broadcast, unspecified, reserved and documentation ranges, carrier-grade NAT, IPv4-mapped and
 * -compatible IPv6 (::ffff:127.0.0.1), NAT64, 6to4 and Teredo (they embed IPv4 addresses), discard-only.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.range() !== 'unicast') return false;
  // ipaddr.js calls everything it has no name for "unicast", the deprecated IPv4-compatible ::a.b.c.d (which
  // Linux routes to that IPv4 address) among them; only 2000::/3 is allocated as global unicast.
  return parsed.kind() === 'ipv4' || parsed.match(GLOBAL_UNICAST_V6);
}


/** The canonical text of an address, so "::FFFF:7f00:1" and "::ffff:127.0.0.1" compare equal. */
export function normalizeAddress(address: string): string | undefined {
  return ipaddr.isValid(address) ? ipaddr.parse(address).toNormalizedString() : undefined;
}
