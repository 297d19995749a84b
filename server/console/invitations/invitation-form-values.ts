// The invitation form's text values ⇄ the agent API body. Times are entered in the agent's own time zone and sent
// in UTC; the first problem of each field is said next to it (ids below are the controls' `inv-<field>` suffixes).
import type { LocaleCode } from '../../../src/api/wire';
import type {
  AgentInvitation,
  AttributeCondition,
  InvitationChannel,
  InvitationInput,
  InvitationMessages,
  InvitationTarget,
} from '../../invitations/invitation-wire';
import { isoToLocalInput, localInputToIso } from '../links/link-form-values';
import { placeholdersIn } from './placeholders';

export type TargetKind = InvitationTarget['kind'];
export type SampleKind = 'none' | 'count' | 'percent';

export interface ConditionValues {
  key: string;
  op: AttributeCondition['op'];
  value: string;
}

export interface MessageValues {
  subject: string;
  body: string;
}

export interface InvitationFormValues {
  /** Empty until the agent chooses: the target and messages depend on it. */
  locale: LocaleCode | '';
  name: string;
  description: string;
  opensAt: string;
  closesAt: string;
  responseLimit: string;
  targetKind: TargetKind;
  conditions: ConditionValues[];
  notChattedInDays: string;
  externalIds: string;
  sampleKind: SampleKind;
  sampleSize: string;
  /** The stored sample's seed, kept through an edit so the same people are picked; empty: the server makes one. */
  seed: string;
  localeMatchOnly: boolean;
  channel: InvitationChannel;
  messages: Partial<Record<LocaleCode, MessageValues>>;
}

export type InvitationFieldErrors = Record<string, string>;

/** The order fields appear in, to focus the first one with a problem. */
export const INVITATION_FIELD_ORDER = ['locale', 'name', 'description', 'opensAt', 'closesAt', 'responseLimit', 'conditions', 'notChattedInDays', 'externalIds', 'sampleSize', 'channel', 'messages'];

const DAY = 86_400_000;

export function emptyInvitationForm(now = Date.now()): InvitationFormValues {
  // The minute that has begun: sending may start as soon as the draft is sent.
  const thisMinute = Math.floor(now / 60_000) * 60_000;
  return {
    locale: '',
    name: '',
    description: '',
    opensAt: isoToLocalInput(new Date(thisMinute).toISOString()),
    closesAt: isoToLocalInput(new Date(thisMinute + 14 * DAY).toISOString()),
    responseLimit: '',
    targetKind: 'all',
    conditions: [],
    notChattedInDays: '',
    externalIds: '',
    sampleKind: 'none',
    sampleSize: '',
    seed: '',
    localeMatchOnly: false,
    channel: 'email',
    messages: {},
  };
}

export function valuesFromInvitation(invitation: AgentInvitation): InvitationFormValues {
  const target = invitation.target;
  const sample = target.sample;
  const messages: InvitationFormValues['messages'] = {};
  for (const [code, message] of Object.entries(invitation.messages)) {
    if (message) messages[code as LocaleCode] = { subject: message.subject ?? '', body: message.body };
  }
  return {
    ...emptyInvitationForm(),
    locale: invitation.locale,
    name: invitation.name,
    description: invitation.description ?? '',
    opensAt: isoToLocalInput(invitation.opensAt),
    closesAt: isoToLocalInput(invitation.closesAt),
    responseLimit: invitation.responseLimit == null ? '' : String(invitation.responseLimit),
    targetKind: target.kind,
    conditions: target.kind === 'filter' ? (target.attributes ?? []).map((c) => ({ key: c.key, op: c.op, value: c.value === undefined ? '' : String(c.value) })) : [],
    notChattedInDays: target.kind === 'filter' && target.notChattedInDays !== undefined ? String(target.notChattedInDays) : '',
    externalIds: target.kind === 'ids' ? target.externalIds.join('\n') : '',
    sampleKind: !sample ? 'none' : 'count' in sample ? 'count' : 'percent',
    sampleSize: !sample ? '' : 'count' in sample ? String(sample.count) : String(sample.percent),
    seed: target.seed ?? invitation.seed ?? '',
    localeMatchOnly: invitation.localeMatchOnly,
    channel: invitation.channel,
    messages,
  };
}

/** Ids pasted one per line, or separated by commas or spaces; duplicates once. */
export function parseExternalIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

function wholeNumber(text: string, min: number, errors: InvitationFieldErrors, field: string, message: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!WHOLE.test(trimmed) || Number(trimmed) < min) errors[field] = message;
  return Number(trimmed);
}

function targetFrom(values: InvitationFormValues, errors: InvitationFieldErrors): InvitationTarget {
  let target: InvitationTarget;
  if (values.targetKind === 'filter') {
    const attributes: AttributeCondition[] = values.conditions.map((c, index) => {
      if (!c.key.trim()) errors[`conditions.${index}.key`] = 'Name the attribute to compare.';
      else if (c.op !== 'exists' && c.value === '') errors[`conditions.${index}.value`] = 'Give a value to compare with.';
      return c.op === 'exists' ? { key: c.key.trim(), op: c.op } : { key: c.key.trim(), op: c.op, value: c.value };
    });
    const days = wholeNumber(values.notChattedInDays, 1, errors, 'notChattedInDays', 'Enter a whole number of days, at least 1.');
    if (attributes.length === 0 && days === undefined) errors.conditions = 'Add a condition on an attribute, or a number of days without chatting.';
    target = { kind: 'filter', ...(attributes.length ? { attributes } : {}), ...(days !== undefined ? { notChattedInDays: days } : {}) };
  } else if (values.targetKind === 'ids') {
    const externalIds = parseExternalIds(values.externalIds);
    if (externalIds.length === 0) errors.externalIds = 'Enter at least one external id.';
    target = { kind: 'ids', externalIds };
  } else {
    target = { kind: 'all' };
  }
  const size = values.sampleSize.trim();
  if (values.sampleKind === 'count') {
    if (!WHOLE.test(size) || Number(size) < 1) errors.sampleSize = 'Enter how many people, at least 1.';
    target.sample = { count: Number(size) };
  } else if (values.sampleKind === 'percent') {
    if (!DECIMAL.test(size) || Number(size) <= 0 || Number(size) > 100) errors.sampleSize = 'Enter a percentage above 0 and up to 100.';
    target.sample = { percent: Number(size) };
  }
  if (target.sample && values.seed) target.seed = values.seed;
  return target;
}

function messagesFrom(values: InvitationFormValues, locale: LocaleCode, errors: InvitationFieldErrors): InvitationMessages {
  const messages: InvitationMessages = {};
  for (const [code, message] of Object.entries(values.messages) as [LocaleCode, MessageValues][]) {
    const subject = message.subject.trim();
    const body = message.body.trim();
    if (code !== locale && !subject && !body) continue;
    if (values.channel === 'email' && !subject) errors[`messages.${code}.subject`] = 'An email needs a subject.';
    if (!body) errors[`messages.${code}.body`] = 'Write the message.';
    else if (!placeholdersIn(body).includes('link')) errors[`messages.${code}.body`] = 'Put {{link}} where the personal link goes.';
    messages[code] = values.channel === 'email' ? { subject, body } : { body };
  }
  if (!messages[locale]) {
    errors[`messages.${locale}.body`] = 'Write the message in the engagement language.';
    if (values.channel === 'email') errors[`messages.${locale}.subject`] ??= 'An email needs a subject.';
  }
  return messages;
}

function windowFrom(values: InvitationFormValues, errors: InvitationFieldErrors, now: number): { opensAt: string; closesAt: string } {
  const opensAt = localInputToIso(values.opensAt);
  const closesAt = localInputToIso(values.closesAt);
  const opens = Date.parse(opensAt);
  const closes = Date.parse(closesAt);
  if (!values.opensAt || Number.isNaN(opens)) errors.opensAt = 'Choose when sending may start.';
  if (!values.closesAt || Number.isNaN(closes)) errors.closesAt = 'Choose when the invitation closes.';
  else if (closes <= now) errors.closesAt = 'The window must end in the future.';
  else if (!Number.isNaN(opens) && closes <= opens) errors.closesAt = 'The window must close after it opens.';
  return { opensAt, closesAt };
}

/** The body to send, or one message per field with a problem. */
export function invitationBodyFromForm(
  values: InvitationFormValues,
  now = Date.now(),
): { ok: true; body: InvitationInput } | { ok: false; errors: InvitationFieldErrors } {
  const errors: InvitationFieldErrors = {};
  if (!values.locale) return { ok: false, errors: { locale: 'Choose the engagement language first.' } };
  const name = values.name.trim();
  if (!name) errors.name = 'Give the invitation a name.';
  const limit = wholeNumber(values.responseLimit, 1, errors, 'responseLimit', 'Enter a whole number, at least 1 (or leave it empty for no limit).');
  const body: InvitationInput = {
    name,
    description: values.description.trim() || null,
    locale: values.locale,
    ...windowFrom(values, errors, now),
    responseLimit: limit ?? null,
    target: targetFrom(values, errors),
    localeMatchOnly: values.localeMatchOnly,
    channel: values.channel,
    messages: messagesFrom(values, values.locale, errors),
  };
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, body };
}

/** The control that shows a field's error: `messages.fr.body` → `inv-messages-fr-body`. */
export function fieldControlId(field: string): string {
  return `inv-${field.replace(/\./g, '-')}`;
}

/** The first field with a problem, in the order the form shows them. */
export function firstErrorField(errors: InvitationFieldErrors): string | undefined {
  const keys = Object.keys(errors);
  for (const prefix of INVITATION_FIELD_ORDER) {
    const found = keys.find((key) => key === prefix || key.startsWith(`${prefix}.`));
    if (found) return found;
  }
  return keys[0];
}
