import type { GuardedFetchOptions } from './guarded-fetch';

/** The parts of a fetch that come from the server's settings rather than from what is fetched. */
export type FetchEnvironment = Pick<GuardedFetchOptions, 'allow' | 'resolve' | 'connectTimeoutMs' | 'totalTimeoutMs' | 'ca'>;
