import type { ErrorCode } from './wire';
import { isRetryableStatus } from './retry-rule';

export type FailureKind = 'network' | 'http' | 'protocol';

/** Why a call failed, in terms the page can act on: retry, show a screen, or give up on one message. */
export class ApiFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly status?: number,
    readonly code?: ErrorCode,
    readonly retryAfterMs?: number,
  ) {
    super(`${kind}${status ? ` ${status}` : ''}${code ? ` ${code}` : ''}`);
    this.name = 'ApiFailure';
  }

  /**
   * Worth trying again as it is: the network, a server fault, or being asked to slow down. An answer that is not
   * the contract ('protocol') would come back the same way: not worth repeating.
   */
  get transient(): boolean {
    if (this.kind === 'network') return true;
    if (this.kind === 'protocol') return false;
    return isRetryableStatus(this.status ?? 0);
  }
}

export function isApiFailure(error: unknown): error is ApiFailure {
  return error instanceof ApiFailure;
}
