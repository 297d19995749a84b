/** The time as the server records it (ISO-8601, UTC). */
export interface Clock {
  now(): string;
}

/**
 * The wall clock, made strictly increasing within this process: two sessions started in the same millisecond still
 * list in the order they were started (lists order by time, then by id).
 */
export function createSystemClock(): Clock {
  let last = 0;
  return {
    now() {
      last = Math.max(Date.now(), last + 1);
      return new Date(last).toISOString();
    },
  };
}
