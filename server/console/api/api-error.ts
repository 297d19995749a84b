import type { ApiErrorBody, ErrorCode } from '../../../src/api/wire';

/** An answer from the server with a non-2xx status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'unknown',
    message: string,
    /** The envelope's optional `details` (e.g. which fields were refused), unchecked. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The request never got an answer (offline, DNS, connection reset). Safe to retry idempotent calls. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('The server could not be reached.', { cause });
    this.name = 'NetworkError';
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let code: ApiError['code'] = 'unknown';
  let message = `${response.status} ${response.statusText}`.trim();
  let details: unknown;
  try {
    const body = (await response.json()) as Partial<ApiErrorBody> & { error?: { details?: unknown } };
    if (body.error && typeof body.error.code === 'string') {
      code = body.error.code;
      if (typeof body.error.message === 'string') message = body.error.message;
      details = body.error.details;
    }
  } catch {
    // Not JSON (a proxy's error page): the status is all we have.
  }
  return new ApiError(response.status, code, message, details);
}

/** A sentence for agents; the developer message stays in the console's devtools. */
export function describeError(error: unknown): string {
  if (error instanceof NetworkError) return 'The server could not be reached. Check your connection.';
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'session_closed':
        return 'This conversation is closed.';
      case 'session_not_found':
        return 'This conversation no longer exists.';
      case 'rate_limited':
        return 'Too many requests. Wait a moment and try again.';
      case 'payload_too_large':
        return 'That is too long to send.';
      case 'invalid_request':
        return 'The server refused this as invalid.';
      case 'slug_taken':
        return 'Another link already uses this slug. Choose another.';
      case 'link_not_found':
        return 'This link no longer exists.';
      case 'unauthorized':
        return 'Your token was not accepted.';
      default:
        return `The server answered with an error (${error.status}).`;
    }
  }
  return 'Something went wrong.';
}
