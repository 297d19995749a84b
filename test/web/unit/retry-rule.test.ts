import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../src/api/api-failure';
import { isRetryableStatus } from '../../../src/api/retry-rule';
import { ApiError } from '../../../server/console/api/api-error';
import { isTransient } from '../../../server/console/compose/send-with-retry';
import { isFatalStreamError } from '../../../server/console/api/event-stream';

describe('one retry vocabulary for the page and the console', () => {
  it('retries 5xx, 408 and 429, and nothing else among the error statuses', () => {
    expect([400, 401, 403, 404, 405, 408, 409, 413, 415, 429, 500, 502, 503, 599].filter(isRetryableStatus)).toEqual([
      408, 429, 500, 502, 503, 599,
    ]);
  });

  it('the page, the console sending and the console stream agree on every status', () => {
    for (let status = 400; status < 600; status++) {
      const retryable = isRetryableStatus(status);
      expect(new ApiFailure('http', status).transient, `page ${status}`).toBe(retryable);
      expect(isTransient(new ApiError(status, 'unknown', '')), `console send ${status}`).toBe(retryable);
      expect(isFatalStreamError(new ApiError(status, 'unknown', '')), `console stream ${status}`).toBe(!retryable);
    }
  });
});
