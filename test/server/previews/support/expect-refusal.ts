import { expect } from 'vitest';
import { FetchRefusal, type RefusalReason } from '../../../../server/previews/fetch-refusal';

/** Awaits a fetch that must be refused, and returns the refusal for further checks. */
export async function expectRefusal(attempt: Promise<unknown>, reason: RefusalReason): Promise<FetchRefusal> {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, `expected a refusal "${reason}"`).toBeInstanceOf(FetchRefusal);
  expect((error as FetchRefusal).reason, (error as Error).message).toBe(reason);
  return error as FetchRefusal;
}
