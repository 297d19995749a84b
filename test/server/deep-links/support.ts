import { resolve } from 'node:path';
import type { ApiKeyCreatedResponse } from '../../../server/agent-wire';
import { agent, call, type ApiAnswer } from '../support/api-client';

export const DEEP_LINK_APPS = resolve(__dirname, '../fixtures/deep-link-apps.json');
export const GENERATE_PATH = '/public/api/generate-webchat-deep-link';

/** A new API key of the app, created through the agent API with the server's own (owner) token. */
export async function createApiKey(baseUrl: string, appId: string, name = 'CRM'): Promise<string> {
  const answer = await agent<ApiKeyCreatedResponse>(baseUrl, `/apps/${appId}/api-keys`, { body: { name } });
  if (answer.status !== 201) throw new Error(`api key: ${answer.status} ${answer.text}`);
  return answer.body.key;
}

export function generate(baseUrl: string, key: string | undefined, body: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
  return call(baseUrl, GENERATE_PATH, { method: 'POST', token: key, body, headers });
}

/** The code at the end of a generated URL. */
export const codeOf = (url: string): string => new URL(url).pathname.split('/')[2]!;
