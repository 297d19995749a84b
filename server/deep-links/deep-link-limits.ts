import type { ServerSettings } from '../config/server-settings';

export const DEFAULT_MAX_USERS = 100;
export const DEFAULT_MAX_DAYS = 90;
export const DEFAULT_EXPIRY_DAYS = 30;
export const DEFAULT_REQUESTS_PER_MINUTE = 120;
/** How long a request's answer is kept for retries with the same Idempotency-Key. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Bytes of body per user (a user's attributes are at most 8 KiB as JSON), plus room for the rest. */
const BODY_BYTES_PER_USER = 10 * 1024;

export interface DeepLinkLimits {
  maxUsers: number;
  maxDays: number;
  defaultDays: number;
  requestsPerMinute: number;
  maxBodyBytes: number;
}

export function deepLinkLimits(settings: ServerSettings): DeepLinkLimits {
  const maxUsers = settings.deepLinkMaxUsers ?? DEFAULT_MAX_USERS;
  const maxDays = settings.deepLinkMaxDays ?? DEFAULT_MAX_DAYS;
  return {
    maxUsers,
    maxDays,
    defaultDays: Math.min(DEFAULT_EXPIRY_DAYS, maxDays),
    requestsPerMinute: settings.deepLinkRatePerMinute ?? DEFAULT_REQUESTS_PER_MINUTE,
    maxBodyBytes: 64 * 1024 + maxUsers * BODY_BYTES_PER_USER,
  };
}
