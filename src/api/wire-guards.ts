// A backend is the integrator's: check the shape of what the page renders rather than trust it.
import { SESSION_ID_PATTERN } from './limits';
import type { AppConfig, CreateVisitorResponse, LinkCard, Message, Session } from './wire';

type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isString = (value: unknown): value is string => typeof value === 'string';
const isOptionalString = (value: unknown): boolean => value === undefined || isString(value);
export const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

export function isSession(value: unknown): value is Session {
  return (
    isObject(value) &&
    isString(value.id) &&
    SESSION_ID_PATTERN.test(value.id) &&
    (value.status === 'open' || value.status === 'closed') &&
    isString(value.createdAt) &&
    isCount(value.lastSeq)
  );
}

function isLinkCard(value: unknown): value is LinkCard {
  return (
    isObject(value) &&
    isString(value.url) &&
    isString(value.title) &&
    isOptionalString(value.imageUrl) &&
    isOptionalString(value.description)
  );
}

export function isMessage(value: unknown): value is Message {
  if (!isObject(value) || !isObject(value.author)) return false;
  const role = value.author.role;
  const hasBody = value.kind === 'text' ? isString(value.text) : value.kind === 'link' && isLinkCard(value.link);
  return (
    isString(value.id) &&
    isCount(value.seq) &&
    (value.seq as number) > 0 &&
    isOptionalString(value.clientId) &&
    (role === 'visitor' || role === 'agent' || role === 'system') &&
    isOptionalString(value.author.name) &&
    isString(value.createdAt) &&
    hasBody
  );
}

export function isAppConfig(value: unknown): value is AppConfig {
  if (!isObject(value) || !isObject(value.branding)) return false;
  const branding = value.branding;
  return (
    isString(value.appId) &&
    isString(value.name) &&
    isString(branding.title) &&
    isString(branding.accentColor) &&
    isOptionalString(branding.logoUrl) &&
    isString(branding.welcome)
  );
}

export function isVisitorResponse(value: unknown): value is CreateVisitorResponse {
  return (
    isObject(value) &&
    isString(value.visitorToken) &&
    isObject(value.visitor) &&
    isString(value.visitor.id) &&
    typeof value.visitor.verified === 'boolean' &&
    isOptionalString(value.visitor.displayName)
  );
}
