// The small checks every guard of backend data is made of (a backend is the integrator's: check, do not trust).
import { ApiFailure } from './api-failure';

export type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isString = (value: unknown): value is string => typeof value === 'string';
export const isOptionalString = (value: unknown): boolean => value === undefined || isString(value);
export const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** The value when the guard accepts it; otherwise the backend broke the contract. */
export function checked<T>(value: unknown, guard: (value: unknown) => value is T): T {
  if (!guard(value)) throw new ApiFailure('protocol');
  return value;
}
