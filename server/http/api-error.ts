import type { ErrorCode } from '../../src/api/wire';

/** Error codes only this server sends, beside the page's contract: the page treats any 5xx alike. */
export type ServerErrorCode = 'storage_unavailable';

/** An expected failure with its status and wire error code; anything else thrown becomes 500 internal. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ServerErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function invalidRequest(message: string): ApiError {
  return new ApiError(400, 'invalid_request', message);
}
