// Resends the same request (same clientId, so the server keeps one message) while the failure is transient.
import { ApiError, NetworkError } from '../api/api-error';
import { backoffDelay } from '../../../src/chat/backoff';
import { CONSOLE_RECONNECT } from '../api/reconnect-policy';
import { isRetryableStatus } from '../../../src/api/retry-rule';

export const SEND_ATTEMPTS = 5;

export function isTransient(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof ApiError && isRetryableStatus(error.status));
}

export interface RetryOptions {
  attempts?: number;
  delay?(attempt: number): number;
  wait?(ms: number): Promise<void>;
  onRetry?(attempt: number, error: unknown): void;
  /** Checked before each resend: stop when the conversation was left. */
  cancelled?(): boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function sendWithRetry<T>(send: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? SEND_ATTEMPTS;
  const delay = options.delay ?? ((n: number) => backoffDelay(n, CONSOLE_RECONNECT));
  const wait = options.wait ?? sleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!isTransient(error) || attempt + 1 >= attempts || options.cancelled?.()) throw error;
      options.onRetry?.(attempt + 1, error);
      await wait(delay(attempt));
      if (options.cancelled?.()) throw error;
    }
  }
}
