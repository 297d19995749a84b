import { randomUUID } from 'node:crypto';
import type { ApiContext } from '../api-context';
import { hashToken } from '../auth/token-hash';
import { ApiError } from '../http/api-error';
import type { GenerateRequest } from '../requests/deep-link-request';
import type { ApiKeyRecord, DeepLinkRecord } from '../store/records';
import { normalizeAttributes } from './attribute-rules';
import { deepLinkUrl, newDeepLinkCode } from './deep-link-code';
import { deepLinkLimits, IDEMPOTENCY_WINDOW_MS } from './deep-link-limits';
import { requireScenario } from './scenario';

/** One entry of the answer, in the order of the dataset. */
export interface GeneratedDeepLink {
  user_id: string;
  url: string;
  expires_at: string;
}

export interface Generation {
  links: GeneratedDeepLink[];
  /** The answer of an earlier request with the same Idempotency-Key and body. */
  replayed: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Stores one link per user of the dataset, each with its own unguessable code, and answers their URLs. The scenario
 * must belong to the key's app (422 invalid_scenario) and the app's page be on (404 fullpage_disabled).
 */
export async function generateDeepLinks(
  context: ApiContext,
  apiKey: ApiKeyRecord,
  request: GenerateRequest,
  origin: string,
  idempotency?: { key: string; bodyHash: string },
): Promise<Generation> {
  const scenario = await requireScenario(context, apiKey.appId, request.scenarioId);
  if (!scenario.app.fullPage) throw new ApiError(404, 'fullpage_disabled', 'The full chat page is turned off for this app');

  const now = context.clock.now();
  const days = request.expiresInDays ?? deepLinkLimits(context.settings).defaultDays;
  const expiresAt = new Date(Date.parse(now) + days * DAY_MS).toISOString();
  const records: Array<DeepLinkRecord & { codeHash: string }> = [];
  const links: GeneratedDeepLink[] = [];
  for (const user of request.users) {
    const code = newDeepLinkCode();
    const userId = user.userId ?? randomUUID();
    records.push({
      codeHash: hashToken(code),
      appId: scenario.app.appId,
      apiKeyId: apiKey.id,
      scenarioId: scenario.id,
      userId,
      attributes: normalizeAttributes(user.attributes, scenario.app.collectionAttributes),
      createdAt: now,
      expiresAt,
      revokedAt: null,
    });
    links.push({ user_id: userId, url: deepLinkUrl(origin, code), expires_at: expiresAt });
  }

  const claim = idempotency && { ...idempotency, forgetBefore: new Date(Date.parse(now) - IDEMPOTENCY_WINDOW_MS).toISOString() };
  const outcome = await context.store.deepLinks.generate(apiKey.id, records, links, now, claim);
  if ('keyReused' in outcome) {
    throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used with another body; use a new key for a new request');
  }
  return 'replayed' in outcome ? { links: outcome.replayed, replayed: true } : { links: outcome.created, replayed: false };
}
