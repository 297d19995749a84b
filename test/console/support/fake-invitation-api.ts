// Invitations for the console tests, in memory behind msw, shaped as the contract says (server/invitations/invitation-wire.ts):
// a draft, a preview filled from participants, a send that freezes the audience, a cancel; tests move delivery on
// through `deliver`.
import { http, HttpResponse } from 'msw';
import type {
  AgentInvitation,
  AgentRecipient,
  ChannelReadiness,
  InvitationChannel,
  InvitationCounts,
  InvitationInput,
} from '../../../server/invitations/invitation-wire';
import { API, GOOD_TOKEN } from './fake-agent-api';

const error = (status: number, code: string, message = code, details?: unknown) =>
  HttpResponse.json({ error: { code, message, ...(details ? { details } : {}) } }, { status });

export interface FakeParticipant {
  externalId: string;
  locale: string | null;
  attributes: Record<string, string>;
}

const zeroCounts = (): InvitationCounts => ({ audience: 0, queued: 0, sent: 0, failed: 0, bounced: 0, unknown: 0, opened: 0, responded: 0, skipped: 0 });

function countsOf(recipients: AgentRecipient[]): InvitationCounts {
  const counts = zeroCounts();
  counts.audience = recipients.length;
  for (const r of recipients) {
    if (r.status !== 'sending') counts[r.status]++;
    if (r.openedAt) counts.opened++;
    if (r.respondedAt) counts.responded++;
  }
  return counts;
}

/** As the server answers: an empty description or limit is left out, not null. */
function asStored<T extends Partial<InvitationInput>>({ description, responseLimit, ...definition }: T) {
  return { ...definition, ...(description ? { description } : {}), ...(responseLimit != null ? { responseLimit } : {}) };
}

export function createFakeInvitationApi() {
  const invitations = new Map<string, AgentInvitation>();
  const recipients = new Map<string, AgentRecipient[]>();
  const participants: FakeParticipant[] = [];
  const channels: Record<InvitationChannel, ChannelReadiness> = { email: { configured: true }, sms: { configured: true } };
  const bodies: unknown[] = [];
  /** The next create answers 400 with these details (JSON pointers), as the server does for a refused field. */
  let refuseNext: { pointer: string; message: string }[] | null = null;
  let counter = 0;
  const authorized = (request: Request) => request.headers.get('authorization') === `Bearer ${GOOD_TOKEN}`;
  const withCounts = (invitation: AgentInvitation): AgentInvitation => ({ ...invitation, counts: countsOf(recipients.get(invitation.id) ?? []) });

  const handlers = [
    http.get(`${API}/apps/:appId/invitations`, ({ request }) =>
      authorized(request) ? HttpResponse.json({ invitations: [...invitations.values()].reverse().map(withCounts), channels }) : error(401, 'unauthorized'),
    ),
    http.post(`${API}/apps/:appId/invitations`, async ({ request }) => {
      const body = (await request.json()) as InvitationInput;
      bodies.push(body);
      if (refuseNext) {
        const details = refuseNext;
        refuseNext = null;
        return error(400, 'invalid_request', 'refused', details);
      }
      const seed = body.target.sample ? `seed-${counter + 1}` : undefined;
      const invitation: AgentInvitation = {
        ...asStored(body),
        target: seed ? { ...body.target, seed } : body.target,
        id: `inv_${++counter}`,
        status: 'draft',
        ...(seed ? { seed } : {}),
        createdAt: new Date().toISOString(),
        counts: zeroCounts(),
      };
      invitations.set(invitation.id, invitation);
      return HttpResponse.json({ invitation }, { status: 201 });
    }),
    http.patch(`${API}/apps/:appId/invitations/:id`, async ({ request, params }) => {
      const invitation = invitations.get(String(params.id));
      if (!invitation) return error(404, 'invitation_not_found');
      if (invitation.status !== 'draft') return error(409, 'invitation_not_draft');
      const body = (await request.json()) as Partial<InvitationInput>;
      bodies.push(body);
      const { description, responseLimit, ...rest } = invitation;
      const next = { ...rest, ...asStored({ description, responseLimit, ...body }) } as AgentInvitation;
      invitations.set(invitation.id, next);
      return HttpResponse.json({ invitation: withCounts(next) });
    }),
    http.get(`${API}/apps/:appId/invitations/:id`, ({ params }) => {
      const invitation = invitations.get(String(params.id));
      if (!invitation) return error(404, 'invitation_not_found');
      const list = recipients.get(invitation.id) ?? [];
      return HttpResponse.json({ invitation: withCounts(invitation), counts: countsOf(list), recipients: list, next: null });
    }),
    http.post(`${API}/apps/:appId/invitations/:id/preview`, async ({ request, params }) => {
      const invitation = invitations.get(String(params.id));
      const { externalId } = (await request.json()) as { externalId: string };
      const participant = participants.find((p) => p.externalId === externalId);
      if (!invitation) return error(404, 'invitation_not_found');
      if (!participant) return error(404, 'participant_not_found');
      const message = invitation.messages[participant.locale as keyof typeof invitation.messages] ?? invitation.messages[invitation.locale]!;
      const fill = (text: string) =>
        text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => (name === 'link' ? 'https://chat.example/i/preview' : (participant.attributes[name] ?? '')));
      return HttpResponse.json({ ...(message.subject !== undefined ? { subject: fill(message.subject) } : {}), body: fill(message.body) });
    }),
    http.post(`${API}/apps/:appId/invitations/:id/send`, ({ params }) => {
      const invitation = invitations.get(String(params.id));
      if (!invitation) return error(404, 'invitation_not_found');
      if (!channels[invitation.channel].configured) return error(409, 'channel_not_configured');
      const now = new Date().toISOString();
      const frozen: AgentRecipient[] = participants.map((p) => ({
        externalId: p.externalId,
        channel: invitation.channel,
        address: `${p.externalId[0]}***@example.com`,
        locale: (p.locale ?? invitation.locale) as AgentRecipient['locale'],
        status: invitation.localeMatchOnly && p.locale !== invitation.locale ? 'skipped' : 'queued',
        ...(invitation.localeMatchOnly && p.locale !== invitation.locale ? { skipReason: 'locale_mismatch' as const } : {}),
        timeline: [{ at: now, event: invitation.localeMatchOnly && p.locale !== invitation.locale ? 'skipped' : 'queued' }],
      }));
      recipients.set(invitation.id, frozen);
      const next: AgentInvitation = { ...invitation, status: 'sending', sentAt: now };
      invitations.set(invitation.id, next);
      return HttpResponse.json({ invitation: withCounts(next) }, { status: 202 });
    }),
    http.post(`${API}/apps/:appId/invitations/:id/cancel`, ({ params }) => {
      const invitation = invitations.get(String(params.id));
      if (!invitation) return error(404, 'invitation_not_found');
      const next: AgentInvitation = { ...invitation, status: 'cancelled', closedAt: new Date().toISOString(), closedReason: 'cancelled' };
      invitations.set(invitation.id, next);
      return HttpResponse.json({ invitation: withCounts(next) });
    }),
  ];

  /** Move one recipient on (sent, opened, responded…), adding the step to its timeline. */
  function deliver(invitationId: string, externalId: string, change: Partial<AgentRecipient>, event: string) {
    const list = recipients.get(invitationId)!;
    const at = new Date().toISOString();
    recipients.set(
      invitationId,
      list.map((r) => (r.externalId === externalId ? { ...r, ...change, timeline: [...r.timeline, { at, event }] } : r)),
    );
  }

  return {
    handlers,
    invitations,
    recipients,
    participants,
    channels,
    bodies,
    deliver,
    refuseNextCreate: (details: { pointer: string; message: string }[]) => {
      refuseNext = details;
    },
  };
}
