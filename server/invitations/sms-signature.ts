import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature of a provider's status callback: HMAC-SHA256, keyed with the auth token, of the full URL followed by
 * each parameter's name and value in name order; base64.
 */
export function smsCallbackSignature(authToken: string, url: string, params: Record<string, string>): string {
  const payload = url + Object.keys(params).sort().map((name) => name + params[name]).join('');
  return createHmac('sha256', authToken).update(payload, 'utf8').digest('base64');
}

/** Constant-time check of a callback's signature header. */
export function isValidSmsCallback(authToken: string, url: string, params: Record<string, string>, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(smsCallbackSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
