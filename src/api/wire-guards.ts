// A backend is the integrator's: check the shape of what the page renders rather than trust it.
import { SESSION_ID_PATTERN } from './limits';
import type { CreateVisitorResponse, LinkCard, LinkPreview, Message, Session } from './wire';
import { isCount, isObject, isOptionalString, isString } from './json-shape';

export { isCount } from './json-shape';
export { isAppConfig } from './app-config-guard';

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

export const PREVIEW_IMAGE_ID = /^[A-Za-z0-9_-]{16,64}$/;

/** A preview of the contract's shape (its link is checked again where it is rendered), or undefined. */
export function readLinkPreview(value: unknown): LinkPreview | undefined {
  if (!isObject(value) || !isString(value.url) || !isString(value.title)) return undefined;
  if (!isOptionalString(value.description) || !isOptionalString(value.siteName)) return undefined;
  const image = value.image;
  const imageOk =
    image === undefined ||
    (isObject(image) && isString(image.id) && PREVIEW_IMAGE_ID.test(image.id) && isCount(image.width) && isCount(image.height));
  return imageOk ? (value as unknown as LinkPreview) : undefined;
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
