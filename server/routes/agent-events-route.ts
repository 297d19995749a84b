import { authenticateAgent } from '../auth/authenticate-agent';
import { appTopic } from '../sse/event-hub';
import { SseStream } from '../sse/sse-stream';
import { requireApp } from './route-lookups';
import type { RouteHandler } from './route-types';

/** GET /api/agent/apps/{appId}/events: `event: session` with an AgentSessionSummary on every change. */
export const streamAgentEvents: RouteHandler = ({ context, request, response, params }) => {
  authenticateAgent(context, request);
  const app = requireApp(context, params.appId);
  const stream = new SseStream(request, response, context.settings.heartbeatMs);
  context.streams.add(stream);
  stream.onClose(context.hub.subscribe(appTopic(app.appId), (event) => stream.send(event)));
};
