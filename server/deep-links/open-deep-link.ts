import type { ApiContext } from '../api-context';
import { hashToken } from '../auth/token-hash';
import { ApiError } from '../http/api-error';
import type { DeepLinkRecord } from '../store/records';
import { DEEP_LINK_CODE_PATTERN } from './deep-link-code';
import { deepLinkState, type DeepLinkState } from './deep-link-state';
import { findScenario, type Scenario } from './scenario';

export interface FoundDeepLink {
  link: DeepLinkRecord;
  state: DeepLinkState;
  scenario: Scenario;
}

/** The link behind a code, in whatever state; 404 deep_link_not_found for an unknown code or an app no longer hosted. */
export async function findDeepLink(context: ApiContext, code: string | undefined): Promise<FoundDeepLink> {
  const link = code !== undefined && DEEP_LINK_CODE_PATTERN.test(code) ? await context.store.deepLinks.find(hashToken(code)) : undefined;
  const scenario = link && findScenario(context, link.appId, link.scenarioId);
  if (!link || !scenario) throw new ApiError(404, 'deep_link_not_found', 'No such deep link');
  const invitation = link.invitationId ? await context.store.invitations.find(link.appId, link.invitationId) : undefined;
  return { link, state: deepLinkState(link, context.clock.now(), invitation), scenario };
}

/**
 * A visitor arrives with a link's code: the link must be active and of this app (otherwise 410 or 404). Its
 * attributes become the user's context, which agents see; the user id becomes the visitor's customer. An
 * invitation's link counts as opened now (when the chat starts, not when a mail scanner fetches the address).
 */
export async function openDeepLink(context: ApiContext, appId: string, code: string): Promise<DeepLinkRecord> {
  const { link, state } = await findDeepLink(context, code);
  if (link.appId !== appId) throw new ApiError(404, 'deep_link_not_found', 'No such deep link');
  if (state !== 'active') throw new ApiError(410, `deep_link_${state}`, `This deep link is ${state.replace('_', ' ')}`);
  const now = context.clock.now();
  await context.store.deepLinks.saveUserContext({ appId, userId: link.userId, attributes: link.attributes, updatedAt: now });
  if (link.invitationId) await context.store.invitations.noteOpened(hashToken(code), now);
  return link;
}
