import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/chat/backoff';
import { CONSOLE_RECONNECT } from '../../../server/console/api/reconnect-policy';

const RECONNECT_MAX_MS = CONSOLE_RECONNECT.maxMs;
const reconnectDelay = (attempt: number, random: () => number) => backoffDelay(attempt, CONSOLE_RECONNECT, random);

describe('reconnectDelay', () => {
  it('doubles from one second with jitter in the upper half, capped', () => {
    expect(reconnectDelay(0, () => 0)).toBe(500);
    expect(reconnectDelay(0, () => 1)).toBe(1000);
    expect(reconnectDelay(3, () => 0)).toBe(4000);
    expect(reconnectDelay(3, () => 1)).toBe(8000);
    expect(reconnectDelay(50, () => 1)).toBe(RECONNECT_MAX_MS);
    expect(reconnectDelay(50, () => 0)).toBe(RECONNECT_MAX_MS / 2);
  });
});
