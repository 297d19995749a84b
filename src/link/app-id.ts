import { APP_ID_PATTERN } from '../api/limits';

export function isValidAppId(value: string | undefined): value is string {
  return value !== undefined && APP_ID_PATTERN.test(value);
}
