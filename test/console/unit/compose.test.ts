import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '../../../server/console/api/api-error';
import { sendWithRetry } from '../../../server/console/compose/send-with-retry';
import { createTypingNotifier } from '../../../server/console/compose/typing-notifier';

describe('sendWithRetry', () => {
  const noWait = { wait: () => Promise.resolve(), delay: () => 0 };

  it('retries network and server errors, then succeeds', async () => {
    const send = vi
      .fn()
      .mockRejectedValueOnce(new NetworkError(new TypeError('offline')))
      .mockRejectedValueOnce(new ApiError(503, 'internal', ''))
      .mockResolvedValueOnce('ok');
    const retries: number[] = [];
    await expect(sendWithRetry(send, { ...noWait, onRetry: (n) => retries.push(n) })).resolves.toBe('ok');
    expect(retries).toEqual([1, 2]);
  });

  it('gives up at once on client errors and after the last attempt otherwise', async () => {
    const refused = vi.fn().mockRejectedValue(new ApiError(409, 'conflict', ''));
    await expect(sendWithRetry(refused, noWait)).rejects.toBeInstanceOf(ApiError);
    expect(refused).toHaveBeenCalledTimes(1);
    const offline = vi.fn().mockRejectedValue(new NetworkError(null));
    await expect(sendWithRetry(offline, { ...noWait, attempts: 3 })).rejects.toBeInstanceOf(NetworkError);
    expect(offline).toHaveBeenCalledTimes(3);
  });

  it('stops when cancelled', async () => {
    const offline = vi.fn().mockRejectedValue(new NetworkError(null));
    await expect(sendWithRetry(offline, { ...noWait, cancelled: () => true })).rejects.toBeInstanceOf(NetworkError);
    expect(offline).toHaveBeenCalledTimes(1);
  });
});

describe('createTypingNotifier', () => {
  afterEach(() => vi.useRealTimers());

  it('posts true once, repeats while typing goes on, false after quiet or on stop', () => {
    vi.useFakeTimers();
    const posts: boolean[] = [];
    const typing = createTypingNotifier((t) => posts.push(t), { repeatMs: 3000, idleMs: 4000 }, () => Date.now());
    typing.input();
    vi.advanceTimersByTime(1000);
    typing.input();
    vi.advanceTimersByTime(1000);
    typing.input();
    expect(posts).toEqual([true]);
    vi.advanceTimersByTime(1500);
    typing.input();
    expect(posts).toEqual([true, true]);
    vi.advanceTimersByTime(4000);
    expect(posts).toEqual([true, true, false]);
    typing.stop();
    expect(posts).toEqual([true, true, false]);
    typing.input();
    typing.stop();
    expect(posts).toEqual([true, true, false, true, false]);
    vi.advanceTimersByTime(10_000);
    expect(posts).toHaveLength(5);
  });
});
