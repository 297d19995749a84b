// Chat links on the reference server: the rules of server/links/ applied through the store, one function per use case.
import type { ChatLinkConfigResponse, LocaleCode } from '../../src/api/wire';
import type { ApiContext } from '../api-context';
import type { HostedApp } from '../config/apps-config';
import { publicAppConfig } from '../config/public-app-config';
import { ApiError, invalidRequest } from '../http/api-error';
import { newRandomId } from '../random-id';
import { describeFieldErrors, validateLinkInput, validateLinkPatch } from '../requests/link-request';
import { startSession } from '../sessions/start-session';
import { utcDay } from '../store/link-store';
import type { LinkRecord, SessionRecord, VisitorRecord } from '../store/records';
import type { AgentChatLink } from './agent-link-wire';
import { linkStateAt } from './link-state';
import { chatLinkUrl } from './link-url';
import { participantKey, withinUseLimit } from './participant';
import { generateSlug } from './slug';

const GENERATION_ATTEMPTS = 8;
const NO_ENGAGEMENT = { opens: 0, conversations: 0, messages: 0 };

const toIso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const toMs = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

export function stateOf(link: LinkRecord, nowIso: string) {
  return linkStateAt(
    { disabled: link.disabled, activeFrom: toMs(link.activeFrom) ?? undefined, expiresAt: toMs(link.expiresAt) ?? undefined },
    Date.parse(nowIso),
  );
}

/** The agent's view of links, with their engagement totals (one query for all of them). */
export async function toAgentLinks(context: ApiContext, links: readonly LinkRecord[], origin: string): Promise<AgentChatLink[]> {
  const totals = await context.store.links.totals(links.map((link) => link.id));
  const now = context.clock.now();
  return links.map((link) => ({
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
    state: stateOf(link, now),
    createdAt: link.createdAt,
    updatedAt: link.updatedAt,
    totals: totals.get(link.id) ?? NO_ENGAGEMENT,
  }));
}

export async function toAgentLink(context: ApiContext, link: LinkRecord, origin: string): Promise<AgentChatLink> {
  return (await toAgentLinks(context, [link], origin))[0]!;
}

const slugTaken = () => new ApiError(409, 'slug_taken', 'Another link uses or used this slug');

export async function createChatLink(context: ApiContext, app: HostedApp, body: unknown): Promise<LinkRecord> {
  const checked = validateLinkInput(body, app.locales);
  if (!checked.ok) throw invalidRequest(describeFieldErrors(checked.errors));
  const fields = checked.value;
  const now = context.clock.now();
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
    if (await context.store.links.insert(link)) return link;
  }
  throw slugTaken();
}

export async function requireLink(context: ApiContext, app: HostedApp, linkId: string): Promise<LinkRecord> {
  const link = /^l_[A-Za-z0-9_-]{1,64}$/.test(linkId) ? await context.store.links.find(app.appId, linkId) : undefined;
  if (!link) throw new ApiError(404, 'link_not_found', 'No such link');
  return link;
}

export async function patchChatLink(context: ApiContext, app: HostedApp, link: LinkRecord, body: unknown): Promise<LinkRecord> {
  const checked = validateLinkPatch(body, app.locales, { activeFrom: toMs(link.activeFrom), expiresAt: toMs(link.expiresAt) });
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
    updatedAt: context.clock.now(),
  };
  if (!(await context.store.links.update(next))) throw slugTaken();
  return next;
}

/** The page's one call for /c/<slug>: app, state and branding. Counts an open (a number per day, nothing more). */
export async function openChatLink(context: ApiContext, slug: string, asked: LocaleCode | undefined): Promise<ChatLinkConfigResponse> {
  const link = await context.store.links.findBySlug(slug);
  const app = link && context.apps.get(link.appId);
  if (!link || !app) throw new ApiError(404, 'link_not_found', 'No such link');
  if (!app.fullPage) throw new ApiError(404, 'fullpage_disabled', 'The full chat page is turned off for this app');
  const now = context.clock.now();
  const state = stateOf(link, now);
  if (state === 'active') await context.store.links.countOpen(link.id, utcDay(now));
  return {
    link: {
      slug: link.slug,
      appId: app.appId,
      locale: link.locale,
      state,
      ...(link.activeFrom ? { activeFrom: link.activeFrom } : {}),
      ...(link.expiresAt ? { expiresAt: link.expiresAt } : {}),
    },
    app: publicAppConfig(app, link.locale === '*' ? asked : link.locale),
  };
}

/** What the server knows of /c/<slug> before the page runs: the app, and the locale a fixed-locale link imposes. */
export async function linkPageHints(context: ApiContext, slug: string): Promise<{ appId: string; locale?: LocaleCode } | undefined> {
  const link = await context.store.links.findBySlug(slug);
  if (!link) return undefined;
  return link.locale === '*' ? { appId: link.appId } : { appId: link.appId, locale: link.locale };
}

export const linkLimitReached = () => new ApiError(403, 'link_limit_reached', 'This participant has used up this link');

/**
 * POST .../sessions with {link}: only an active link of this app, and only within the participant's limit. The use
 * itself is taken at the conversation's first visitor message (see countLinkedVisitorMessage), atomically.
 */
export async function startLinkedSession(
  context: ApiContext,
  app: HostedApp,
  visitor: VisitorRecord,
  slug: string,
): Promise<{ session: SessionRecord; created: boolean }> {
  const link = await context.store.links.findBySlug(slug);
  if (!link || link.appId !== app.appId || stateOf(link, context.clock.now()) !== 'active') {
    throw new ApiError(404, 'link_not_found', 'No such active link');
  }
  const uses = await context.store.links.usesBy(link.id, participantKey(visitor));
  if (!withinUseLimit(uses, link.perParticipantLimit ?? undefined)) throw linkLimitReached();
  return startSession(context, visitor, link.id);
}
