import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWakeableSleep } from '../../../src/chat/wake-up-sleep';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Whether the promise has settled after letting pending callbacks run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('createWakeableSleep', () => {
  it('waits the full time when nothing happens', async () => {
    const sleep = createWakeableSleep().sleep(1000);
    await vi.advanceTimersByTimeAsync(999);
    expect(await settled(sleep)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(sleep)).toBe(true);
  });

  it('ends every sleep at once when woken', async () => {
    const sleeper = createWakeableSleep();
    const first = sleeper.sleep(30_000);
    const second = sleeper.sleep(60_000);
    sleeper.wake();
    expect(await settled(first)).toBe(true);
    expect(await settled(second)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends a sleep when its signal aborts, and only that one', async () => {
    const sleeper = createWakeableSleep();
    const controller = new AbortController();
    const aborted = sleeper.sleep(30_000, controller.signal);
    const other = sleeper.sleep(30_000);
    controller.abort();
    expect(await settled(aborted)).toBe(true);
    expect(await settled(other)).toBe(false);
  });

  it('does not wake a sleep that starts after wake()', async () => {
    const sleeper = createWakeableSleep();
    sleeper.wake();
    expect(await settled(sleeper.sleep(1000))).toBe(false);
  });
});
