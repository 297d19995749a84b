import { every } from 'hono/combine';
import { requireAgent } from './agent-auth';
import { appScope } from './app-scope';
import { requireManager } from './require-manager';
import { requireVisitor } from './visitor-auth';

// The guards a route names in its own chain, so an unknown path or method still answers 404/405 before any auth.

/** A visitor route of an app: the app (404 app_not_found), then the visitor's token (401). */
export const visitorOfApp = every(appScope, requireVisitor);

/** An agent route of an app: the agent token (401), then the app (404 app_not_found). */
export const agentOfApp = every(requireAgent, appScope);

/** An owner's or admin's route of an app: the agent token (401), the role (403 forbidden), then the app (404). */
export const managerOfApp = every(requireAgent, requireManager, appScope);
