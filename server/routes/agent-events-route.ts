import { authenticateAgent } from '../auth/authenticate-agent';
import { clientKey } from '../http/client-key';
import { followApp } from '../sessions/follow-app';
import { requireApp } from './route-lookups';
import type { RouteHandler } from './route-types';

/** GET /api/agent/apps/{appId}/events: `event: session` with an AgentSessionSummary on every change. */
export const streamAgentEvents: RouteHandler = ({ context, request, response, params }) => {
  authenticateAgent(context, request);
  const app = requireApp(context, params.appId);
  const owner = { client: clientKey(request.socket.remoteAddress) };
  const stream = context.streams.open(owner, request, response, context.settings.heartbeatMs);
  followApp(context, app.appId, stream);
};
