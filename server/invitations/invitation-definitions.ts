import type { ApiContext } from '../api-context';
import type { HostedApp } from '../config/apps-config';
import { ApiError } from '../http/api-error';
import { newRandomId } from '../random-id';
import { parseInvitationInput } from '../requests/invitation-request';
import type { InvitationRecord } from '../store/records';
import type { InvitationInput } from './invitation-wire';
import { newSampleSeed } from './seeded-sample';

/** 404 invitation_not_found for an id that is not one of this app's invitations. */
export async function requireInvitation(context: ApiContext, app: HostedApp, id: string): Promise<InvitationRecord> {
  const invitation = await context.store.invitations.find(app.appId, id);
  if (!invitation) throw new ApiError(404, 'invitation_not_found', 'No such invitation');
  return invitation;
}

/** A new draft. A sample without a seed gets one now, so sending the same definition again picks the same people. */
export async function createInvitation(context: ApiContext, app: HostedApp, body: unknown): Promise<InvitationRecord> {
  const input = parseInvitationInput(body, app.locales);
  const now = context.clock.now();
  const invitation: InvitationRecord = {
    id: newRandomId('i'),
    appId: app.appId,
    ...definitionFields(input),
    status: 'draft',
    origin: null,
    createdAt: now,
    updatedAt: now,
    sentAt: null,
    closedAt: null,
    closedReason: null,
  };
  await context.store.invitations.create(invitation);
  return invitation;
}

/** PATCH: any subset of the fields, checked as a whole definition; only a draft changes (409 invitation_not_draft). */
export async function patchInvitation(context: ApiContext, app: HostedApp, current: InvitationRecord, body: unknown): Promise<InvitationRecord> {
  if (current.status !== 'draft') throw notDraft();
  const patch = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  const input = parseInvitationInput({ ...definitionOf(current), ...patch }, app.locales);
  const next: InvitationRecord = { ...current, ...definitionFields(input), updatedAt: context.clock.now() };
  if (!(await context.store.invitations.saveDraft(next))) throw notDraft();
  return next;
}

export function notDraft(): ApiError {
  return new ApiError(409, 'invitation_not_draft', 'Only a draft invitation can be changed or sent');
}

function definitionFields(input: InvitationInput): Omit<InvitationRecord, 'id' | 'appId' | 'status' | 'origin' | 'createdAt' | 'updatedAt' | 'sentAt' | 'closedAt' | 'closedReason'> {
  const seed = input.target.sample ? (input.target.seed ?? newSampleSeed()) : null;
  return {
    name: input.name,
    description: input.description || null,
    locale: input.locale,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    responseLimit: input.responseLimit ?? null,
    target: seed === null ? input.target : { ...input.target, seed },
    localeMatchOnly: input.localeMatchOnly,
    channel: input.channel,
    messages: input.messages,
    seed,
  };
}

function definitionOf(record: InvitationRecord): InvitationInput {
  return {
    name: record.name,
    description: record.description,
    locale: record.locale,
    opensAt: record.opensAt,
    closesAt: record.closesAt,
    responseLimit: record.responseLimit,
    target: record.target,
    localeMatchOnly: record.localeMatchOnly,
    channel: record.channel,
    messages: record.messages,
  };
}
