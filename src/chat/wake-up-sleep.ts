export interface WakeableSleep {
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  wake(): void;
}

/** Waits `ms`, or less when woken: going back online should not sit out a long backoff. */
export function createWakeableSleep(): WakeableSleep {
  const sleepers = new Set<() => void>();
  return {
    sleep(ms, signal) {
      return new Promise((resolve) => {
        if (signal?.aborted) return resolve();
        const done = () => {
          clearTimeout(timer);
          sleepers.delete(done);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        sleepers.add(done);
        signal?.addEventListener('abort', done);
      });
    },
    wake() {
      for (const done of [...sleepers]) done();
    },
  };
}
