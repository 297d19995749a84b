import { createHash } from 'node:crypto';

/**
 * The Direct Link signature: md5(md5(sbs + "_" + secret) + "_" + ranstr), lower-case hex, strings as UTF-8.
 * Only safe together with the ranstr rule in verify-identity.ts (MD5 with a secret prefix allows length extension).
 */
export function computeSignature(sbs: string, secret: string, ranstr: string): string {
  return md5Hex(`${md5Hex(`${sbs}_${secret}`)}_${ranstr}`);
}

function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}
