import { newApiKey } from '../auth/api-key';
import { hashToken } from '../auth/token-hash';
import { newRandomId } from '../random-id';
import type { ApiKeyRecord } from '../store/records';
import type { ApiKeyStore } from '../store/api-key-store';

/** A new API key of the app: the record as stored (with only the key's hash) and the key, to be shown once. */
export async function issueApiKey(keys: ApiKeyStore, appId: string, name: string, now: string): Promise<{ apiKey: ApiKeyRecord; key: string }> {
  const apiKey: ApiKeyRecord = { id: newRandomId('k'), appId, name, createdAt: now, revokedAt: null };
  const key = newApiKey();
  await keys.create(apiKey, hashToken(key));
  return { apiKey, key };
}
