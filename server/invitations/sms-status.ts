import type { ApiContext } from '../api-context';
import { ApiError } from '../http/api-error';
import { isValidSmsCallback } from './sms-signature';

const REPORTED = ['delivered', 'failed', 'undelivered'] as const;
type ReportedStatus = (typeof REPORTED)[number];

/**
 * A provider's delivery report for one message: signed with the auth token over the full callback URL and the
 * parameters (403 invalid_signature otherwise). Other statuses (queued, sent...) are acknowledged and ignored.
 */
export async function receiveSmsStatus(context: ApiContext, url: string, params: Record<string, string>, signature: string | undefined): Promise<void> {
  const authToken = context.settings.sms?.authToken;
  if (!authToken || !isValidSmsCallback(authToken, url, params, signature)) throw new ApiError(403, 'invalid_signature', 'The callback signature does not match');
  const status = params.MessageStatus as ReportedStatus;
  const sid = params.MessageSid;
  if (!sid || !REPORTED.includes(status)) return;
  await context.store.invitations.providerStatus(sid, status, context.clock.now());
}
