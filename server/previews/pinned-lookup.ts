import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './fetch-target';

/**
 * A `lookup` for the socket that answers only the addresses already checked, so a second DNS answer (rebinding
 * to a private address between check and connect) is never consulted.
 */
export function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = typeof options === 'object' && options.family ? Number(options.family) : 0;
    const usable = wanted === 4 || wanted === 6 ? addresses.filter((entry) => entry.family === wanted) : addresses;
    if (usable.length === 0) {
      callback(Object.assign(new Error('no checked address of that family'), { code: 'ENOTFOUND' }), '', 0);
    } else if (typeof options === 'object' && options.all) {
      (callback as unknown as (error: null, all: ResolvedAddress[]) => void)(null, usable);
    } else {
      callback(null, usable[0].address, usable[0].family);
    }
  };
}
