import { Router } from '../http/router';
import {
  closeAgentSession,
  dropAllStreams,
  getAgentSession,
  listAgentApps,
  listAgentMessages,
  listAgentSessions,
  sendAgentMessage,
  sendAgentTyping,
} from './agent-routes';
import { streamAgentEvents } from './agent-events-route';
import { getAppConfig } from './config-route';
import { createLink, disableLink, getLink, getLinkConfig, getLinkQr, listLinks, updateLink } from './link-routes';
import { listVisitorMessages, sendVisitorMessage } from './message-routes';
import type { RouteHandler } from './route-types';
import { getVisitorSession, listVisitorSessions, startSession } from './session-routes';
import { createOrResumeVisitor } from './visitor-routes';
import { streamSessionEvents } from './visitor-events-route';

/** Every API route in one place. */
export function createApiRouter(options: { faultInjection: boolean }): Router<RouteHandler> {
  const router = new Router<RouteHandler>()
    .add('GET', '/api/apps/:appId/config', getAppConfig)
    .add('POST', '/api/apps/:appId/visitors', createOrResumeVisitor)
    .add('GET', '/api/apps/:appId/sessions', listVisitorSessions)
    .add('POST', '/api/apps/:appId/sessions', startSession)
    .add('GET', '/api/apps/:appId/sessions/:sessionId', getVisitorSession)
    .add('GET', '/api/apps/:appId/sessions/:sessionId/messages', listVisitorMessages)
    .add('POST', '/api/apps/:appId/sessions/:sessionId/messages', sendVisitorMessage)
    .add('GET', '/api/apps/:appId/sessions/:sessionId/events', streamSessionEvents)
    .add('GET', '/api/agent/apps', listAgentApps)
    .add('GET', '/api/agent/apps/:appId/sessions', listAgentSessions)
    .add('GET', '/api/agent/apps/:appId/sessions/:sessionId', getAgentSession)
    .add('GET', '/api/agent/apps/:appId/sessions/:sessionId/messages', listAgentMessages)
    .add('POST', '/api/agent/apps/:appId/sessions/:sessionId/messages', sendAgentMessage)
    .add('POST', '/api/agent/apps/:appId/sessions/:sessionId/typing', sendAgentTyping)
    .add('POST', '/api/agent/apps/:appId/sessions/:sessionId/close', closeAgentSession)
    .add('GET', '/api/agent/apps/:appId/events', streamAgentEvents)
    .add('GET', '/api/links/:slug/config', getLinkConfig)
    .add('GET', '/api/agent/apps/:appId/links', listLinks)
    .add('POST', '/api/agent/apps/:appId/links', createLink)
    .add('GET', '/api/agent/apps/:appId/links/:linkId', getLink)
    .add('PATCH', '/api/agent/apps/:appId/links/:linkId', updateLink)
    .add('DELETE', '/api/agent/apps/:appId/links/:linkId', disableLink)
    .add('GET', '/api/agent/apps/:appId/links/:linkId/:qrFile', getLinkQr);
  if (options.faultInjection) router.add('POST', '/api/agent/debug/drop-streams', dropAllStreams);
  return router;
}
