import type { Courier, DeliveryOutcome, OutgoingMessage } from './delivery-outcome';

export interface SmsProviderSettings {
  apiUrl: string;
  accountId: string;
  authToken: string;
  from: string;
}

const SEND_TIMEOUT_MS = 15_000;

/**
 * SMS through a provider's messages API, shaped like the common ones: a form POST of `To`, `From`, `Body` and
 * `StatusCallback` to `{SMS_API_URL}/Messages.json` with Basic auth, answering `{sid, status}`. Delivery is reported
 * later to the status callback (see sms-status.ts).
 */
export function createSmsCourier(settings: SmsProviderSettings): Courier {
  const endpoint = `${settings.apiUrl.replace(/\/+$/, '')}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${settings.accountId}:${settings.authToken}`).toString('base64')}`;
  return {
    async deliver(message: OutgoingMessage): Promise<DeliveryOutcome> {
      const form = new URLSearchParams({ To: message.to, From: settings.from, Body: message.body });
      if (message.statusCallbackUrl) form.set('StatusCallback', message.statusCallbackUrl);
      try {
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: form,
          redirect: 'error',
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
        const answer = (await response.json().catch(() => ({}))) as { sid?: unknown; status?: unknown; message?: unknown };
        if (!response.ok) return { status: 'failed', error: `provider answered ${response.status}${typeof answer.message === 'string' ? `: ${answer.message.slice(0, 200)}` : ''}` };
        if (typeof answer.sid !== 'string') return { status: 'failed', error: 'provider answered without a message id' };
        return answer.status === 'failed' || answer.status === 'undelivered'
          ? { status: 'failed', providerId: answer.sid, error: `provider status ${answer.status}` }
          : { status: 'sent', providerId: answer.sid };
      } catch (error) {
        return { status: 'failed', error: error instanceof Error && error.name === 'TimeoutError' ? 'provider did not answer in time' : 'provider unreachable' };
      }
    },
    close() {},
  };
}
