// Chat links for the console tests, in memory behind msw, applying the server's own rules (validation, slugs, state).
import { http, HttpResponse } from 'msw';
import type { AgentChatLink, EngagementDay } from '../../../server/links/agent-link-wire';
import { describeFieldErrors, validateLinkInput, validateLinkPatch } from '../../../server/requests/link-request';
import { linkStateAt } from '../../../server/links/link-state';
import { generateSlug } from '../../../server/links/slug';
import { API, GOOD_TOKEN } from './fake-agent-api';

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? undefined : new Date(ms).toISOString());
const error = (status: number, code: string, message = code) => HttpResponse.json({ error: { code, message } }, { status });

export function createFakeLinkApi(appLocales = ['en', 'fr', 'ja'] as const) {
  const links = new Map<string, AgentChatLink>();
  const engagement = new Map<string, EngagementDay[]>();
  const bodies: unknown[] = [];
  let counter = 0;
  const authorized = (request: Request) => request.headers.get('authorization') === `Bearer ${GOOD_TOKEN}`;
  const slugTaken = (slug: string, exceptId?: string) => [...links.values()].some((l) => l.slug === slug && l.id !== exceptId);
  const withState = (link: AgentChatLink): AgentChatLink => ({
    ...link,
    state: linkStateAt({ disabled: link.disabled, activeFrom: link.activeFrom ? Date.parse(link.activeFrom) : undefined, expiresAt: link.expiresAt ? Date.parse(link.expiresAt) : undefined }, Date.now()),
  });

  const handlers = [
    http.get(`${API}/apps/:appId/links`, ({ request }) =>
      authorized(request) ? HttpResponse.json({ links: [...links.values()].reverse().map(withState) }) : error(401, 'unauthorized'),
    ),
    http.post(`${API}/apps/:appId/links`, async ({ request }) => {
      const body = await request.json();
      bodies.push(body);
      const checked = validateLinkInput(body, appLocales);
      if (!checked.ok) return error(400, 'invalid_request', describeFieldErrors(checked.errors));
      const slug = checked.value.slug ?? generateSlug();
      if (slugTaken(slug)) return error(409, 'slug_taken');
      const now = new Date().toISOString();
      const link: AgentChatLink = {
        id: `l_${++counter}`,
        appId: 'shop',
        name: checked.value.name,
        description: checked.value.description ?? undefined,
        locale: checked.value.locale,
        activeFrom: iso(checked.value.activeFrom),
        expiresAt: iso(checked.value.expiresAt),
        slug,
        url: `https://chat.example/c/${slug}`,
        perParticipantLimit: checked.value.perParticipantLimit ?? undefined,
        disabled: false,
        state: 'active',
        createdAt: now,
        updatedAt: now,
        totals: { opens: 0, conversations: 0, messages: 0 },
      };
      links.set(link.id, link);
      return HttpResponse.json({ link: withState(link) }, { status: 201 });
    }),
    http.get(`${API}/apps/:appId/links/:id`, ({ params }) => {
      const link = links.get(String(params.id));
      return link ? HttpResponse.json({ link: withState(link), engagement: engagement.get(link.id) ?? [] }) : error(404, 'link_not_found');
    }),
    http.patch(`${API}/apps/:appId/links/:id`, async ({ request, params }) => {
      const link = links.get(String(params.id));
      if (!link) return error(404, 'link_not_found');
      const body = await request.json();
      bodies.push(body);
      const current = { activeFrom: link.activeFrom ? Date.parse(link.activeFrom) : null, expiresAt: link.expiresAt ? Date.parse(link.expiresAt) : null };
      const checked = validateLinkPatch(body, appLocales, current);
      if (!checked.ok) return error(400, 'invalid_request', describeFieldErrors(checked.errors));
      const patch = checked.value;
      if (patch.slug && slugTaken(patch.slug, link.id)) return error(409, 'slug_taken');
      const next: AgentChatLink = {
        ...link,
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.description !== undefined ? { description: patch.description ?? undefined } : {}),
        ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
        ...(patch.activeFrom !== undefined ? { activeFrom: iso(patch.activeFrom) } : {}),
        ...(patch.expiresAt !== undefined ? { expiresAt: iso(patch.expiresAt) } : {}),
        ...(patch.slug !== undefined ? { slug: patch.slug, url: `https://chat.example/c/${patch.slug}` } : {}),
        ...(patch.perParticipantLimit !== undefined ? { perParticipantLimit: patch.perParticipantLimit ?? undefined } : {}),
        ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
      };
      links.set(link.id, next);
      return HttpResponse.json({ link: withState(next) });
    }),
    http.delete(`${API}/apps/:appId/links/:id`, ({ params }) => {
      const link = links.get(String(params.id));
      if (!link) return error(404, 'link_not_found');
      links.set(link.id, { ...link, disabled: true });
      return HttpResponse.json({ link: withState(links.get(link.id)!) });
    }),
    http.get(`${API}/apps/:appId/links/:id/qr.svg`, () =>
      new HttpResponse('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"></svg>', { headers: { 'Content-Type': 'image/svg+xml' } }),
    ),
    http.get(`${API}/apps/:appId/links/:id/qr.png`, () => new HttpResponse(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { headers: { 'Content-Type': 'image/png' } })),
  ];

  return { handlers, links, engagement, bodies };
}
