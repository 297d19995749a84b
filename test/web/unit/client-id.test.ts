import { describe, expect, it } from 'vitest';
import { newClientId } from '../../../src/chat/client-id';
import { CLIENT_ID_PATTERN } from '../../../src/api/limits';

describe('newClientId', () => {
  it('makes ids the server and the stored outbox accept', () => {
    for (let i = 0; i < 500; i++) {
      const id = newClientId();
      expect(id).toMatch(CLIENT_ID_PATTERN);
      expect(id).toHaveLength(22);
    }
  });

  it('never repeats itself', () => {
    const ids = new Set(Array.from({ length: 5000 }, () => newClientId()));
    expect(ids.size).toBe(5000);
  });
});
