import type { LocaleCode } from '../../src/api/wire';
import { attributeText, type AttributeValue, type DeepLinkAttributes } from '../deep-links/attribute-rules';
import type { AttributeCondition, InvitationChannel, InvitationTarget, SkipReason } from './invitation-wire';
import { seededSample } from './seeded-sample';

/** A participant as targeting sees it (the participants store's records have at least these fields). */
export interface TargetableParticipant {
  externalId: string;
  email: string | null;
  phone: string | null;
  locale: LocaleCode | null;
  subscribed: boolean;
  attributes: DeepLinkAttributes;
  lastChattedAt: string | null;
}

export interface AudienceRules {
  target: InvitationTarget;
  channel: InvitationChannel;
  /** The engagement locale. */
  locale: LocaleCode;
  localeMatchOnly: boolean;
  now: string;
}

/** One member of a frozen audience: sent to, or skipped with the reason. */
export interface AudienceMember<P extends TargetableParticipant = TargetableParticipant> {
  participant: P;
  skipReason?: SkipReason;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The audience of an invitation, in order of external id: everyone the target names, those who cannot receive it
 * marked with why (unsubscribed, no address for the channel, another preferred locale when only matching ones are
 * wanted). A sample is drawn from those who can receive it, so "a sample of 100" means 100 messages.
 */
export function selectAudience<P extends TargetableParticipant>(participants: readonly P[], rules: AudienceRules): AudienceMember<P>[] {
  const named = participants.filter((participant) => isTargeted(participant, rules.target, rules.now));
  const members = named.map((participant) => ({ participant, skipReason: skipReasonOf(participant, rules) }));
  const { sample, seed } = rules.target;
  const chosen =
    sample && seed
      ? [...seededSample(members.filter((member) => !member.skipReason), (member) => member.participant.externalId, seed, sample), ...members.filter((member) => member.skipReason)]
      : members;
  return chosen
    .map((member) => (member.skipReason ? member : { participant: member.participant }))
    .sort((a, b) => compare(a.participant.externalId, b.participant.externalId));
}

export function isTargeted(participant: TargetableParticipant, target: InvitationTarget, now: string): boolean {
  switch (target.kind) {
    case 'all':
      return true;
    case 'ids':
      return target.externalIds.includes(participant.externalId);
    case 'filter': {
      const lastChatted = participant.lastChattedAt === null ? undefined : Date.parse(participant.lastChattedAt);
      const daysAgo = (days: number) => Date.parse(now) - days * DAY_MS;
      if (target.notChattedInDays !== undefined && lastChatted !== undefined && lastChatted >= daysAgo(target.notChattedInDays)) return false;
      if (target.chattedInDays !== undefined && (lastChatted === undefined || lastChatted < daysAgo(target.chattedInDays))) return false;
      return (target.attributes ?? []).every((condition) => holds(condition, participant.attributes[condition.key]));
    }
  }
}

/**
 * `equals`: the value, or one entry of a collection (compared as text, so 3 equals "3"); `notEquals`: its opposite,
 * true for a participant without the attribute; `contains`: text containing it (ignoring case), or a collection
 * having it; `exists`: the attribute is set.
 */
export function holds(condition: AttributeCondition, value: AttributeValue | undefined): boolean {
  const wanted = condition.value === undefined ? '' : String(condition.value);
  const entries = value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];
  switch (condition.op) {
    case 'exists':
      return value !== undefined;
    case 'equals':
      return entries.includes(wanted);
    case 'notEquals':
      return !entries.includes(wanted);
    case 'contains':
      if (value === undefined) return false;
      return Array.isArray(value) ? entries.includes(wanted) : attributeText(value).toLowerCase().includes(wanted.toLowerCase());
  }
}

function skipReasonOf(participant: TargetableParticipant, rules: AudienceRules): SkipReason | undefined {
  if (!participant.subscribed) return 'unsubscribed';
  if (addressFor(participant, rules.channel) === null) return 'no_address';
  if (rules.localeMatchOnly && participant.locale !== rules.locale) return 'locale_mismatch';
  return undefined;
}

export function addressFor(participant: Pick<TargetableParticipant, 'email' | 'phone'>, channel: InvitationChannel): string | null {
  return (channel === 'email' ? participant.email : participant.phone) || null;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
