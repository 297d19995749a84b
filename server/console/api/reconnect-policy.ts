import type { BackoffPolicy } from '../../../src/chat/backoff';

// The console's retries and reconnects: from 1 s, doubling to 30 s, with the page's jitter so a server restart is
// not met by every console at the same instant.
export const CONSOLE_RECONNECT: BackoffPolicy = { baseMs: 1000, maxMs: 30_000 };
