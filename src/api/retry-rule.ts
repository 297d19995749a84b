/**
 * The one retry vocabulary of the page and the agent console: a status worth trying again as it is. A server fault
 * (5xx), a request timeout (408) and "too many requests" (429, after its Retry-After) all pass with time; any other
 * 4xx would come back the same.
 */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}
