import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/api-error';
import { json } from '../http/json-response';
import { jsonBody, limitBodyTo } from '../http/read-json-body';
import { requestOrigin } from '../http/request-origin';
import { managerOfApp } from '../http/route-guards';
import { validQuery } from '../http/validate';
import { channelReadiness } from '../invitations/channel-readiness';
import { createInvitation, patchInvitation, requireInvitation } from '../invitations/invitation-definitions';
import { findUnsubscribeTarget, unsubscribeByToken } from '../invitations/invitation-responses';
import { toAgentInvitation, toAgentRecipient } from '../invitations/invitation-views';
import type { InvitationDetailResponse, InvitationListResponse, InvitationPreview, InvitationResponse } from '../invitations/invitation-wire';
import { previewInvitation } from '../invitations/preview-invitation';
import { sendInvitation } from '../invitations/send-invitation';
import { receiveSmsStatus } from '../invitations/sms-status';
import { UNSUBSCRIBE_PAGE_HEADERS, unsubscribeLocale, unsubscribePage, type UnsubscribeScreen } from '../invitations/unsubscribe-page';
import { emptyBodySchema } from '../requests/message-request';
import { previewRequestSchema, recipientPageSchema } from '../requests/invitation-request';
import type { InvitationRecord } from '../store/records';

// Any JSON body: the invitation rules check it against the app's locales and list every problem at once.
const anyBody = jsonBody(v.unknown());
const RECIPIENT_PAGE = 100;

async function answerInvitation(c: Context<AppEnv>, status: 200 | 201 | 202, record: InvitationRecord): Promise<Response> {
  const counts = (await c.var.context.store.invitations.counts([record.id])).get(record.id)!;
  const body: InvitationResponse = { invitation: toAgentInvitation(record, counts) };
  return json(c, status, body);
}

/** Mounted at /api/agent: an owner's or admin's invitations of an app (see server/invitations/invitation-wire.ts). */
export const agentInvitationRoutes = new Hono<AppEnv>()
  /** GET /apps/{appId}/invitations: newest first, and whether each channel can send (what to configure if not). */
  .get('/apps/:appId/invitations', managerOfApp, async (c) => {
    const { context, app } = c.var;
    const records = await context.store.invitations.list(app.appId);
    const counts = await context.store.invitations.counts(records.map((record) => record.id));
    const body: InvitationListResponse = {
      invitations: records.map((record) => toAgentInvitation(record, counts.get(record.id)!)),
      channels: channelReadiness(context.settings),
    };
    return json(c, 200, body);
  })
  /** POST /apps/{appId}/invitations → 201 a draft; 400 invalid_request with every problem in `details`. */
  .post('/apps/:appId/invitations', managerOfApp, anyBody, async (c) => {
    const { context, app } = c.var;
    return answerInvitation(c, 201, await createInvitation(context, app, c.req.valid('json')));
  })
  /** GET /apps/{appId}/invitations/{id}?after=&limit=: the invitation, its counts and a page of recipients. */
  .get('/apps/:appId/invitations/:invitationId', managerOfApp, validQuery(recipientPageSchema), async (c) => {
    const { context, app } = c.var;
    const record = await requireInvitation(context, app, c.req.param('invitationId'));
    const { after, limit = RECIPIENT_PAGE } = c.req.valid('query');
    const counts = (await context.store.invitations.counts([record.id])).get(record.id)!;
    const page = await context.store.invitations.recipients(record.id, after ?? -1, limit + 1);
    const shown = page.slice(0, limit);
    const body: InvitationDetailResponse = {
      invitation: toAgentInvitation(record, counts),
      counts,
      recipients: shown.map(toAgentRecipient),
      next: page.length > limit ? String(shown.at(-1)!.recipient.position) : null,
    };
    return json(c, 200, body);
  })
  /** PATCH /apps/{appId}/invitations/{id}: a draft's fields; 409 invitation_not_draft once sent. */
  .patch('/apps/:appId/invitations/:invitationId', managerOfApp, anyBody, async (c) => {
    const { context, app } = c.var;
    const record = await requireInvitation(context, app, c.req.param('invitationId'));
    return answerInvitation(c, 200, await patchInvitation(context, app, record, c.req.valid('json')));
  })
  /** POST /apps/{appId}/invitations/{id}/preview {externalId}: the message that participant would get. */
  .post('/apps/:appId/invitations/:invitationId/preview', managerOfApp, jsonBody(previewRequestSchema), async (c) => {
    const { context, app } = c.var;
    const record = await requireInvitation(context, app, c.req.param('invitationId'));
    const body: InvitationPreview = await previewInvitation(context, record, c.req.valid('json').externalId, requestOrigin(c));
    return json(c, 200, body);
  })
  /** POST /apps/{appId}/invitations/{id}/send → 202: the audience is frozen, the worker sends from opensAt. */
  .post('/apps/:appId/invitations/:invitationId/send', managerOfApp, jsonBody(emptyBodySchema), async (c) => {
    const { context, app } = c.var;
    const record = await requireInvitation(context, app, c.req.param('invitationId'));
    await sendInvitation(context, record, requestOrigin(c));
    return answerInvitation(c, 202, await requireInvitation(context, app, record.id));
  })
  /** POST /apps/{appId}/invitations/{id}/cancel: no more messages; its links show "closed". */
  .post('/apps/:appId/invitations/:invitationId/cancel', managerOfApp, jsonBody(emptyBodySchema), async (c) => {
    const { context, app } = c.var;
    const record = await requireInvitation(context, app, c.req.param('invitationId'));
    const cancelled = await context.store.invitations.cancel(app.appId, record.id, context.clock.now());
    return answerInvitation(c, 200, cancelled ?? record);
  });

function unsubscribeAnswer(c: Context<AppEnv>, screen: UnsubscribeScreen, target: { appId: string; locale: InvitationRecord['locale'] } | undefined): Response {
  const locale = target?.locale ?? unsubscribeLocale(c.req.header('accept-language'));
  const app = target && c.var.context.apps.get(target.appId);
  const appName = app ? (app.branding[locale]?.title ?? app.name) : '';
  return c.body(unsubscribePage(screen, locale, appName), screen === 'unknown' ? 404 : 200, { ...UNSUBSCRIBE_PAGE_HEADERS });
}

/**
 * Mounted at /u: one-click unsubscribe (RFC 8058). POST unsubscribes (what mail clients send for
 * List-Unsubscribe-Post); GET only shows a confirm page, because mail scanners follow links.
 */
export const unsubscribeRoutes = new Hono<AppEnv>()
  .get('/:token', async (c) => {
    const target = await findUnsubscribeTarget(c.var.context, c.req.param('token'));
    return unsubscribeAnswer(c, target ? 'confirm' : 'unknown', target);
  })
  .post('/:token', async (c) => {
    const target = await unsubscribeByToken(c.var.context, c.req.param('token'));
    return unsubscribeAnswer(c, target ? 'done' : 'unknown', target);
  });

const SMS_CALLBACK_MAX_BYTES = 8 * 1024;

/** Mounted at /hooks: the SMS provider's delivery reports (form-encoded, signed). */
export const smsHookRoutes = new Hono<AppEnv>().post(
  '/sms-status',
  limitBodyTo(() => SMS_CALLBACK_MAX_BYTES),
  async (c) => {
    if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? '')) {
      throw new ApiError(415, 'unsupported_media_type', 'Send the report as application/x-www-form-urlencoded');
    }
    const params = Object.fromEntries(new URLSearchParams(new TextDecoder().decode(c.get('body'))));
    const url = requestOrigin(c) + c.env.incoming.url;
    await receiveSmsStatus(c.var.context, url, params, c.req.header('x-signature'));
    return c.body(null, 204);
  },
);
