import { isIPv6 } from 'node:net';

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;
const IPV4_TAIL = /\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Who a request counts against for rate limits and stream caps: the IPv4 address, or the /64 network of an IPv6
 * address (one subscriber usually holds a whole /64, so counting single addresses would not limit anyone).
 */
export function clientKey(remoteAddress: string | undefined): string {
  if (!remoteAddress) return 'unknown';
  const mapped = MAPPED_IPV4.exec(remoteAddress);
  if (mapped) return mapped[1]!;
  const address = remoteAddress.split('%')[0]!;
  if (!isIPv6(address)) return address;
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, without leading zeros. */
function ipv6Groups(address: string): string[] {
  // A dotted IPv4 tail fills the last two groups; only the first four matter here.
  const text = address.toLowerCase().replace(IPV4_TAIL, '0:0');
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  return groups.map((group) => Number.parseInt(group, 16).toString(16));
}
