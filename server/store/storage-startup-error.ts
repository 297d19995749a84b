/** Storage cannot be used at start: the message names what to fix, in one line. */
export class StorageStartupError extends Error {
  override name = 'StorageStartupError';
}
