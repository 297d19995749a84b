import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../src/api/api-failure';
import { failReasonFor } from '../../../src/chat/fail-reason';

describe('failReasonFor', () => {
  it('says the conversation ended when the server says so', () => {
    expect(failReasonFor(new ApiFailure('http', 409, 'session_closed'))).toBe('session_closed');
  });

  it('says the message is too long for a 413 or payload_too_large', () => {
    expect(failReasonFor(new ApiFailure('http', 413))).toBe('too_long');
    expect(failReasonFor(new ApiFailure('http', 400, 'payload_too_large'))).toBe('too_long');
  });

  it.each([
    new ApiFailure('http', 400, 'invalid_request'),
    new ApiFailure('http', 409, 'conflict'),
    new ApiFailure('http', 403),
    new ApiFailure('protocol', 200),
  ])('calls anything else a rejection: %s', (failure) => {
    expect(failReasonFor(failure)).toBe('rejected');
  });
});

describe('ApiFailure.transient', () => {
  it.each([
    [new ApiFailure('network'), true],
    [new ApiFailure('protocol', 200), false],
    [new ApiFailure('http', 500, 'internal'), true],
    [new ApiFailure('http', 503), true],
    [new ApiFailure('http', 408), true],
    [new ApiFailure('http', 429, 'rate_limited'), true],
    [new ApiFailure('http', 400, 'invalid_request'), false],
    [new ApiFailure('http', 401, 'unauthorized'), false],
    [new ApiFailure('http', 404, 'session_not_found'), false],
    [new ApiFailure('http', 409, 'conflict'), false],
    [new ApiFailure('http', 413, 'payload_too_large'), false],
  ])('%s is transient: %s', (failure, transient) => {
    expect(failure.transient).toBe(transient);
  });
});
