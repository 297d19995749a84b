import { describe, expect, it, vi } from 'vitest';
import { batchedPerTurn } from '../../server/store/batched-per-turn';

describe('work batched per event-loop turn', () => {
  const settle = (promises: Promise<unknown>[]) =>
    Promise.allSettled(promises).then((all) => all.map((one) => (one.status === 'fulfilled' ? one.value : `failed: ${(one.reason as Error).message}`)));

  it('gives each request of a turn its own result, a failure included, and a lone request goes alone', async () => {
    const one = vi.fn(async (n: number) => n * 10);
    const many = vi.fn(async (ns: number[]) => ns.map((n) => (n === 2 ? Promise.reject(new Error('two')) : n * 100)));
    const run = batchedPerTurn(String, one, many);
    expect(await settle([run(1), run(2), run(3)])).toEqual([100, 'failed: two', 300]);
    expect(await run(4)).toBe(40);
    expect([one.mock.calls, many.mock.calls]).toEqual([[[4]], [[[1, 2, 3]]]]);
  });

  it('runs a key asked for twice in a turn after the first, in a later batch, in the order asked', async () => {
    const order: string[] = [];
    const one = async (request: string) => (order.push(request), request);
    const many = async (requests: string[]) => (order.push(requests.join('+')), requests);
    const run = batchedPerTurn((request: string) => request[0]!, one, many);
    expect(await Promise.all([run('a1'), run('b1'), run('a2'), run('a3')])).toEqual(['a1', 'b1', 'a2', 'a3']);
    expect(order).toEqual(['a1+b1', 'a2', 'a3']);
  });

  it('fails every request of its batch when the batch fails, even by throwing at once', async () => {
    const throwing = batchedPerTurn(String, async (n: number) => n, () => {
      throw new Error('at once');
    });
    expect(await settle([throwing(1), throwing(2)])).toEqual(['failed: at once', 'failed: at once']);
    const rejecting = batchedPerTurn(String, async (n: number) => n, async () => Promise.reject(new Error('storage down')));
    expect(await settle([rejecting(1), rejecting(2)])).toEqual(['failed: storage down', 'failed: storage down']);
    // Later turns are not affected.
    expect(await rejecting(3)).toBe(3);
  });
});
