import type { LocaleCode } from '../../src/api/wire';
import type { ApiContext } from '../api-context';
import type { HostedApp } from '../config/apps-config';
import { ApiError } from '../http/api-error';
import { stateOf } from '../links/chat-links';
import type { LinkRecord } from '../store/records';
import type { DeepLinkState } from './deep-link-state';

/** What a deep link opens: its app's chat, or one of its chat links with that link's locale, branding and rules. */
export interface Scenario {
  /** The app's id, or the chat link's id (stable when its slug is renamed). */
  id: string;
  app: HostedApp;
  link?: LinkRecord;
}

const invalidScenario = (why: string) => new ApiError(422, 'invalid_scenario', why);

/**
 * The scenario a new deep link may name within the API key's app: the app's id, or one of its chat links by id or
 * by any slug it ever had. 422 invalid_scenario for anything else, and for a disabled or expired link.
 */
export async function requireScenario(context: ApiContext, appId: string, scenarioId: string): Promise<Scenario> {
  const scenario = await storedScenario(context, appId, scenarioId);
  if (!scenario) throw invalidScenario("scenario_id is not this API key's app or one of its chat links");
  if (!scenario.link) return scenario;
  const state = stateOf(scenario.link, context.clock.now());
  if (state === 'disabled') throw invalidScenario('The chat link named by scenario_id is disabled');
  if (state === 'expired') throw invalidScenario('The chat link named by scenario_id has expired');
  return scenario;
}

/** The scenario a deep link was made for, whatever its chat link's state now; undefined when it is gone. */
export async function storedScenario(context: ApiContext, appId: string, scenarioId: string): Promise<Scenario | undefined> {
  const app = context.apps.get(appId);
  if (!app) return undefined;
  if (scenarioId === app.appId) return { id: app.appId, app };
  const link = (await context.store.links.find(appId, scenarioId)) ?? (await context.store.links.findBySlug(scenarioId.toLowerCase()));
  return link && link.appId === appId ? { id: link.id, app, link } : undefined;
}

/** The locale a fixed-locale chat link imposes; otherwise the one asked for. */
export function scenarioLocale(scenario: Scenario, asked: LocaleCode | undefined): LocaleCode | undefined {
  return scenario.link && scenario.link.locale !== '*' ? scenario.link.locale : asked;
}

/**
 * A deep link of a chat link follows the link: one disabled since reads as revoked, one expired as expired, one not
 * yet active as not_yet_active, so the page says so and offers a guest chat instead of a conversation the link would
 * refuse.
 */
export function scenarioDeepLinkState(scenario: Scenario, state: DeepLinkState, now: string): DeepLinkState {
  if (state !== 'active' || !scenario.link) return state;
  const linkState = stateOf(scenario.link, now);
  return linkState === 'disabled' ? 'revoked' : linkState;
}
