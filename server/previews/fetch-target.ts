import { isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import { isPublicAddress } from './address-policy';
import { FetchRefusal } from './fetch-refusal';
import type { UnfurlAllowList } from './unfurl-allow';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Name resolution, injectable so tests can play DNS answers (a name with a private address among public ones). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/** A URL the fetcher may connect to, with the addresses it checked: it connects to those and no others. */
export interface CheckedTarget {
  url: URL;
  host: string;
  port: number;
  addresses: ResolvedAddress[];
}

const STANDARD_PORTS = new Set([80, 443]);

/** Refuses anything but http(s) on port 80/443 to public addresses (every address the name has), or an allowed pair. */
export async function checkTarget(url: URL, allow: UnfurlAllowList, resolve: HostResolver): Promise<CheckedTarget> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefusal('unsupported_scheme', url.protocol);
  if (url.username || url.password) throw new FetchRefusal('credentials');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (!STANDARD_PORTS.has(port) && !allow.hasPort(port)) throw new FetchRefusal('port', String(port));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = await resolveAddresses(host, resolve);
  for (const { address } of addresses) {
    if (allow.permits(host, address, port)) continue;
    if (!STANDARD_PORTS.has(port)) throw new FetchRefusal('port', String(port));
    if (!isPublicAddress(address)) throw new FetchRefusal('address', `${host} has ${address}`);
  }
  return { url, host, port, addresses };
}

async function resolveAddresses(host: string, resolve: HostResolver): Promise<ResolvedAddress[]> {
  const family = isIP(host);
  if (family) return [{ address: host, family: family === 6 ? 6 : 4 }];
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(host);
  } catch {
    throw new FetchRefusal('unresolvable', host);
  }
  if (addresses.length === 0) throw new FetchRefusal('unresolvable', host);
  return addresses;
}
