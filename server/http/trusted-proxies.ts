import ipaddr from 'ipaddr.js';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Whether an address is one of the configured reverse proxies. */
export type ProxyCheck = (address: string) => boolean;

/**
 * DIRECT_CHAT_TRUSTED_PROXIES: addresses or CIDRs (`10.0.0.5`, `10.0.0.0/8`, `::1`, `fd00::/8`). IPv4-mapped IPv6
 * addresses count as their IPv4 address. Throws with the entry that is neither.
 */
export function parseTrustedProxies(entries: readonly string[]): ProxyCheck {
  // No proxies configured (the usual case): no address parse on every request.
  if (entries.length === 0) return NO_PROXIES;
  const ranges: Range[] = entries.map((entry) => {
    if (ipaddr.isValidCIDR(entry)) {
      const [address, bits] = ipaddr.parseCIDR(entry);
      return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
        ? [(address as ipaddr.IPv6).toIPv4Address(), bits - 96]
        : [address, bits];
    }
    if (ipaddr.isValid(entry)) {
      const address = ipaddr.process(entry);
      return [address, address.kind() === 'ipv4' ? 32 : 128];
    }
    throw new Error(`"${entry}" is not an IP address or CIDR`);
  });
  return (text) => {
    const address = parseAddress(text);
    return address !== undefined && ranges.some((range) => address.kind() === range[0].kind() && address.match(range));
  };
}

/**
 * The client's address: the socket's peer, or, when that peer is a trusted proxy, the right-most `X-Forwarded-For`
 * entry that is not itself a trusted proxy. Entries left of an untrusted one are the client's own claims and never
 * read; an unparsable entry stops the walk at the last trusted hop.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, isProxy: ProxyCheck): string | undefined {
  if (peer === undefined || !isProxy(peer) || forwardedFor === undefined) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map((hop) => hop.trim());
  let address = peer;
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = parseAddress(hops[index]!);
    if (hop === undefined) return address;
    address = hop.toString();
    if (!isProxy(address)) return address;
  }
  return address;
}

function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const plain = text.split('%')[0]!;
  return ipaddr.isValid(plain) ? ipaddr.process(plain) : undefined;
}

export const NO_PROXIES: ProxyCheck = () => false;
