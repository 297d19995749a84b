// Chat links on the reference server: the rules of server/links/ applied to the database, one function per use case.
import type { ChatLinkConfigResponse, LocaleCode } from '../../src/api/wire';
import type { ApiContext } from '../api-context';
import type { HostedApp } from '../config/apps-config';
import { publicAppConfig } from '../config/public-app-config';
import type { LinkRecord } from '../db/link-queries';
import type { SessionRecord } from '../db/session-queries';
import type { VisitorRecord } from '../db/visitor-queries';
import { ApiError, invalidRequest } from '../http/api-error';
import { newRandomId } from '../random-id';
import { createSession } from '../sessions/create-session';
import type { AgentChatLink } from './agent-link-wire';
import { describeFieldErrors, validateLinkInput, validateLinkPatch, type LinkFields } from './link-request';
import { linkStateAt } from './link-state';
import { chatLinkUrl } from './link-url';
import { countsAsUse, participantKey, withinUseLimit } from './participant';
import { generateSlug } from './slug';

const GENERATION_ATTEMPTS = 8;

const toIso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const toMs = (iso: string | null): number | undefined => (iso === null ? undefined : Date.parse(iso));
const utcDay = (iso: string): string => iso.slice(0, 10);

export function stateOf(link: LinkRecord, nowIso: string) {
  return linkStateAt({ disabled: link.disabled, activeFrom: toMs(link.activeFrom), expiresAt: toMs(link.expiresAt) }, Date.parse(nowIso));
}

export function toAgentLink(context: ApiContext, link: LinkRecord, origin: string): AgentChatLink {
  return {
    id: link.id,
    appId: link.appId,
    name: link.name,
    ...(link.description ? { description: link.description } : {}),
    locale: link.locale,
    ...(link.activeFrom ? { activeFrom: link.activeFrom } : {}),
    ...(link.expiresAt ? { expiresAt: link.expiresAt } : {}),
    slug: link.slug,
    url: chatLinkUrl(origin, link.slug),
    ...(link.perParticipantLimit !== null ? { perParticipantLimit: link.perParticipantLimit } : {}),
    disabled: link.disabled,
    state: stateOf(link, context.now()),
    createdAt: link.createdAt,
    updatedAt: link.updatedAt,
    totals: context.links.totals(link.id),
  };
}

const slugTaken = () => new ApiError(409, 'slug_taken', 'Another link uses or used this slug');

export function createChatLink(context: ApiContext, app: HostedApp, body: unknown): LinkRecord {
  const checked = validateLinkInput(body, app.locales);
  if (!checked.ok) throw invalidRequest(describeFieldErrors(checked.errors));
  const now = context.now();
  const fields: LinkFields = checked.value;
  const base = {
    id: newRandomId('l'),
    appId: app.appId,
    name: fields.name,
    description: fields.description,
    locale: fields.locale,
    activeFrom: toIso(fields.activeFrom),
    expiresAt: toIso(fields.expiresAt),
    perParticipantLimit: fields.perParticipantLimit,
    disabled: false,
    createdAt: now,
    updatedAt: now,
  };
  // An agent's slug is theirs or refused; a generated one is retried on the (rare) collision.
  for (let attempt = 0; attempt < (fields.slug ? 1 : GENERATION_ATTEMPTS); attempt++) {
    const link: LinkRecord = { ...base, slug: fields.slug ?? generateSlug() };
    if (context.links.insert(link)) return link;
  }
  throw slugTaken();
}

export function requireLink(context: ApiContext, app: HostedApp, linkId: string | undefined): LinkRecord {
  const link = linkId ? context.links.find(app.appId, linkId) : undefined;
  if (!link) throw new ApiError(404, 'link_not_found', 'No such link');
  return link;
}

export function patchChatLink(context: ApiContext, app: HostedApp, link: LinkRecord, body: unknown): LinkRecord {
  const checked = validateLinkPatch(body, app.locales, {
    activeFrom: toMs(link.activeFrom) ?? null,
    expiresAt: toMs(link.expiresAt) ?? null,
  });
  if (!checked.ok) throw invalidRequest(describeFieldErrors(checked.errors));
  const patch = checked.value;
  const next: LinkRecord = {
    ...link,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    ...(patch.activeFrom !== undefined ? { activeFrom: toIso(patch.activeFrom) } : {}),
    ...(patch.expiresAt !== undefined ? { expiresAt: toIso(patch.expiresAt) } : {}),
    ...(patch.slug !== undefined ? { slug: patch.slug } : {}),
    ...(patch.perParticipantLimit !== undefined ? { perParticipantLimit: patch.perParticipantLimit } : {}),
    ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
    updatedAt: context.now(),
  };
  if (!context.links.update(next)) throw slugTaken();
  return next;
}

/** The page's one call for /c/<slug>: app, state and branding. Counts an open (a number per day, nothing more). */
export function openChatLink(context: ApiContext, slug: string, asked: LocaleCode | undefined): ChatLinkConfigResponse {
  const link = context.links.findBySlug(slug);
  const app = link && context.apps.get(link.appId);
  if (!link || !app) throw new ApiError(404, 'link_not_found', 'No such link');
  if (!app.fullPage) throw new ApiError(404, 'fullpage_disabled', 'The full chat page is turned off for this app');
  const now = context.now();
  const state = stateOf(link, now);
  if (state === 'active') context.links.count(link.id, utcDay(now), 'opens');
  const locale = link.locale === '*' ? asked : link.locale;
  return {
    link: {
      slug: link.slug,
      appId: app.appId,
      locale: link.locale,
      state,
      ...(link.activeFrom ? { activeFrom: link.activeFrom } : {}),
      ...(link.expiresAt ? { expiresAt: link.expiresAt } : {}),
    },
    app: publicAppConfig(app, locale),
  };
}

/** The locale a fixed-locale link imposes, for the page's HTML; undefined for unknown or multilingual links. */
export function fixedLocaleOfSlug(context: ApiContext, slug: string): LocaleCode | undefined {
  const link = context.links.findBySlug(slug);
  return link && link.locale !== '*' ? link.locale : undefined;
}

const limitReached = () => new ApiError(403, 'link_limit_reached', 'This participant has used up this link');

/** POST .../sessions with {link}: only an active link of this app, and only within the participant's limit. */
export function startLinkedSession(context: ApiContext, app: HostedApp, visitor: VisitorRecord, slug: string): SessionRecord {
  const link = context.links.findBySlug(slug);
  if (!link || link.appId !== app.appId || stateOf(link, context.now()) !== 'active') {
    throw new ApiError(404, 'link_not_found', 'No such active link');
  }
  const participant = participantKey(visitor);
  if (!withinUseLimit(context.links.usesBy(link.id, participant), link.perParticipantLimit ?? undefined)) throw limitReached();
  const session = createSession(context, visitor);
  context.links.setSessionLink(session.id, link.id);
  return session;
}

/**
 * Called inside the transaction that stores a visitor message, before it is inserted. The first visitor message
 * of a conversation started from a link is the use: checked against the limit again (two conversations opened side
 * by side cannot both pass) and counted; every visitor message counts as engagement.
 */
export function countLinkedVisitorMessage(context: ApiContext, session: SessionRecord, at: string): void {
  const linked = context.links.ofSession(session.id);
  if (!linked) return;
  const { link, visitor } = linked;
  const day = utcDay(at);
  if (countsAsUse({ linkId: link.id }, context.links.visitorMessagesIn(session.id))) {
    const participant = participantKey(visitor);
    if (!withinUseLimit(context.links.usesBy(link.id, participant), link.perParticipantLimit ?? undefined)) throw limitReached();
    context.links.recordUse(session.id, link.id, participant, at);
    context.links.count(link.id, day, 'conversations');
  }
  context.links.count(link.id, day, 'messages');
}
