import { timingSafeEqual } from 'node:crypto';
import { IDENTITY_LIMITS, RANSTR_PATTERN, SIGNATURE_PATTERN } from '../../src/api/limits';
import { computeSignature } from './signature';

export interface SignedFields {
  sbs?: string;
  sbs_mm?: string;
  ranstr?: string;
}

export type SignatureCheck = 'valid' | 'malformed' | 'bad_signature';

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * Checks the shape first and hashes only well-formed input: ranstr must be plain alphanumerics, so a captured link
 * cannot be length-extended into a new valid nonce. The comparison runs in constant time. Replay is checked apart
 * (it needs the database), and only after this says 'valid'.
 */
export function checkSignature(fields: SignedFields, secret: string): SignatureCheck {
  const { sbs, sbs_mm: signature, ranstr } = fields;
  if (sbs === undefined || signature === undefined || ranstr === undefined) return 'malformed';
  if (sbs.length === 0 || sbs.length > IDENTITY_LIMITS.sbs || CONTROL_CHARACTER.test(sbs)) return 'malformed';
  if (!SIGNATURE_PATTERN.test(signature) || !RANSTR_PATTERN.test(ranstr)) return 'malformed';
  const expected = Buffer.from(computeSignature(sbs, secret, ranstr), 'hex');
  const given = Buffer.from(signature, 'hex');
  return timingSafeEqual(expected, given) ? 'valid' : 'bad_signature';
}
