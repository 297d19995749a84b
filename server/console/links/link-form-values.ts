// The link form's text values ⇄ the agent API body. Times are entered in the agent's own time zone
// (<input type="datetime-local">) and sent in UTC; validation is the server's own (server/links/link-request.ts).
import type { LocaleCode } from '../../../src/api/wire';
import type { AgentChatLink, ChatLinkInput } from '../../links/agent-link-wire';
import { validateLinkInput, type FieldErrors } from '../../requests/link-request';

export interface LinkFormValues {
  name: string;
  description: string;
  locale: string;
  activeFrom: string;
  expiresAt: string;
  slug: string;
  perParticipantLimit: string;
}

export const LINK_FORM_FIELDS = ['name', 'description', 'locale', 'activeFrom', 'expiresAt', 'slug', 'perParticipantLimit'] as const;

export const emptyLinkForm = (locale = '*'): LinkFormValues => ({
  name: '',
  description: '',
  locale,
  activeFrom: '',
  expiresAt: '',
  slug: '',
  perParticipantLimit: '',
});

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the agent's wall-clock time, in datetime-local format ("2026-12-01T10:00"). */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The agent's wall-clock time → UTC ISO; text that is not a date is passed on for validation to name. */
export function localInputToIso(value: string): string {
  const d = new Date(value);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) && !Number.isNaN(d.getTime()) ? d.toISOString() : value;
}

export function valuesFromLink(link: AgentChatLink): LinkFormValues {
  return {
    name: link.name,
    description: link.description ?? '',
    locale: link.locale,
    activeFrom: isoToLocalInput(link.activeFrom),
    expiresAt: isoToLocalInput(link.expiresAt),
    slug: link.slug,
    perParticipantLimit: link.perParticipantLimit === undefined ? '' : String(link.perParticipantLimit),
  };
}

function limitValue(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * The body to send, or one message per field. Empty optional fields are `null` (cleared); an unchanged slug is
 * left out of an edit, and an empty one out of a create (the server generates it).
 */
export function linkBodyFromForm(
  values: LinkFormValues,
  appLocales: readonly LocaleCode[],
  currentSlug?: string,
): { ok: true; body: ChatLinkInput } | { ok: false; errors: FieldErrors } {
  const slug = values.slug.trim();
  const body: ChatLinkInput = {
    name: values.name,
    description: values.description.trim() || null,
    locale: values.locale as ChatLinkInput['locale'],
    activeFrom: values.activeFrom ? localInputToIso(values.activeFrom) : null,
    expiresAt: values.expiresAt ? localInputToIso(values.expiresAt) : null,
    perParticipantLimit: limitValue(values.perParticipantLimit),
    ...(slug && slug !== currentSlug ? { slug } : {}),
  };
  const checked = validateLinkInput(body, appLocales);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  return { ok: true, body: { ...body, name: checked.value.name } };
}

/** The agent's time zone, named, for the labels of the time fields. */
export function agentTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
}
