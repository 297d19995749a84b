import { useCallback, useRef } from 'preact/hooks';

/** A function whose identity never changes but always calls the latest `callback`, so memoized children stay put. */
export function useStableCallback<A extends unknown[], R>(callback: (...args: A) => R): (...args: A) => R {
  const latest = useRef(callback);
  latest.current = callback;
  return useCallback((...args: A) => latest.current(...args), []);
}
