/** Storage cannot take a write right now (disk full, database unreachable): answered 503 with Retry-After. */
export class StorageUnavailableError extends Error {
  constructor(message = 'Storage is unavailable', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}
