import type { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { agentAccountRoutes } from './agent-account-routes';
import { agentRoutes, faultInjectionRoutes } from './agent-routes';
import { apiKeyRoutes } from './api-key-routes';
import { deepLinkPageRoutes } from './deep-link-page-routes';
import { publicApiRoutes } from './public-api-routes';
import { configRoutes } from './config-route';
import { agentInvitationRoutes, smsHookRoutes, unsubscribeRoutes } from './invitation-routes';
import { agentLinkRoutes, publicLinkRoutes } from './link-routes';
import { messageRoutes } from './message-routes';
import { participantRoutes } from './participant-routes';
import { agentPreviewRoutes, previewImageRoutes } from './preview-routes';
import { sessionRoutes } from './session-routes';
import { visitorEventsRoute } from './visitor-events-route';
import { visitorRoutes } from './visitor-routes';

/** Every API route module (and the invitations' /u and /hooks addresses), mounted in one place. A new feature adds its module here. */
export function mountApiRoutes(app: Hono<AppEnv>, options: { faultInjection: boolean }): void {
  for (const routes of [configRoutes, visitorRoutes, sessionRoutes, messageRoutes, visitorEventsRoute]) {
    app.route('/api/apps/:appId', routes);
  }
  app.route('/api/agent', agentRoutes);
  app.route('/api/agent', agentAccountRoutes);
  app.route('/api/agent', agentPreviewRoutes);
  app.route('/api/agent', agentLinkRoutes);
  app.route('/api/agent', participantRoutes);
  app.route('/api/links', publicLinkRoutes);
  app.route('/api/previews', previewImageRoutes);
  app.route('/api/agent', apiKeyRoutes);
  app.route('/api/deep-links', deepLinkPageRoutes);
  app.route('/public/api', publicApiRoutes);
  app.route('/api/agent', agentInvitationRoutes);
  // Addresses in invitation messages: one-click unsubscribe and the SMS provider's delivery reports.
  app.route('/u', unsubscribeRoutes);
  app.route('/hooks', smsHookRoutes);
  if (options.faultInjection) app.route('/api/agent', faultInjectionRoutes);
}
