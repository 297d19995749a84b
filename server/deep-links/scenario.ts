import type { ApiContext } from '../api-context';
import type { HostedApp } from '../config/apps-config';

/** What a deep link opens: its app's chat, with the scenario's locale, branding and rules. */
export interface Scenario {
  id: string;
  app: HostedApp;
}

/** The scenario named by `scenario_id` within the API key's app, or undefined (422 invalid_scenario). */
export function findScenario(context: ApiContext, appId: string, scenarioId: string): Scenario | undefined {
  const app = context.apps.get(appId);
  if (!app || scenarioId !== app.appId) return undefined;
  return { id: app.appId, app };
}

