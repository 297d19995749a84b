import type { AgentSendRequest, AgentTypingRequest } from '../agent-wire';
import type { LinkCard } from '../../src/api/wire';
import { IDENTITY_LIMITS, LINK_LIMITS } from '../../src/api/limits';
import type { SessionStatusFilter } from '../store/records';
import { invalidRequest } from '../http/api-error';
import { expectObject, optionalString, requiredBoolean, requiredString, type StringRule } from '../http/json-shape';
import { CLIENT_ID_RULE, MESSAGE_TEXT_RULE } from './message-request';

const AUTHOR_NAME_RULE: StringRule = { max: IDENTITY_LIMITS.name, nonBlank: true };
const URL_RULE: StringRule = { max: LINK_LIMITS.url, min: 1 };

/** POST /api/agent/apps/{appId}/sessions/{id}/messages: a text or a link card. */
export function parseAgentSendRequest(body: unknown): AgentSendRequest {
  const kind = expectObject(body ?? {}, 'body', ['clientId', 'kind', 'text', 'link', 'authorName']).kind;
  if (kind === 'text') {
    const object = expectObject(body, 'body', ['clientId', 'kind', 'text', 'authorName']);
    return withAuthor(object, {
      clientId: requiredString(object, 'clientId', 'body', CLIENT_ID_RULE),
      kind,
      text: requiredString(object, 'text', 'body', MESSAGE_TEXT_RULE),
    });
  }
  if (kind === 'link') {
    const object = expectObject(body, 'body', ['clientId', 'kind', 'link', 'authorName']);
    return withAuthor(object, {
      clientId: requiredString(object, 'clientId', 'body', CLIENT_ID_RULE),
      kind,
      link: parseLinkCard(object.link),
    });
  }
  throw invalidRequest('body.kind must be "text" or "link"');
}

function withAuthor<T extends AgentSendRequest>(object: Record<string, unknown>, request: T): T {
  const authorName = optionalString(object, 'authorName', 'body', AUTHOR_NAME_RULE)?.trim();
  return authorName ? { ...request, authorName } : request;
}

function parseLinkCard(value: unknown): LinkCard {
  const object = expectObject(value, 'body.link', ['url', 'title', 'imageUrl', 'description']);
  const card: LinkCard = {
    url: webUrl(requiredString(object, 'url', 'body.link', URL_RULE), 'body.link.url', HTTP_OR_HTTPS),
    title: requiredString(object, 'title', 'body.link', { max: LINK_LIMITS.title, nonBlank: true }),
  };
  const imageUrl = optionalString(object, 'imageUrl', 'body.link', URL_RULE);
  if (imageUrl !== undefined) card.imageUrl = webUrl(imageUrl, 'body.link.imageUrl', HTTPS_ONLY);
  const description = optionalString(object, 'description', 'body.link', { max: LINK_LIMITS.description });
  if (description) card.description = description;
  return card;
}

const HTTP_OR_HTTPS = { protocols: ['http:', 'https:'], name: 'http(s)' };
// The page's CSP allows images from https: only; an http image would be blocked there, so it is refused here.
const HTTPS_ONLY = { protocols: ['https:'], name: 'https' };

/** Only absolute web URLs without embedded credentials reach a visitor's screen. */
function webUrl(value: string, where: string, allowed: { protocols: string[]; name: string }): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidRequest(`${where} must be an absolute ${allowed.name} URL`);
  }
  if (!allowed.protocols.includes(url.protocol) || url.username || url.password) {
    throw invalidRequest(`${where} must be an absolute ${allowed.name} URL without credentials`);
  }
  return value;
}

/** POST .../typing: {typing, authorName?}. */
export function parseTypingRequest(body: unknown): AgentTypingRequest {
  const object = expectObject(body ?? {}, 'body', ['typing', 'authorName']);
  const typing = requiredBoolean(object, 'typing', 'body');
  const authorName = optionalString(object, 'authorName', 'body', AUTHOR_NAME_RULE)?.trim();
  return authorName ? { typing, authorName } : { typing };
}

export function parseStatusFilter(query: URLSearchParams): SessionStatusFilter {
  const status = query.get('status') ?? 'all';
  if (status === 'open' || status === 'closed' || status === 'all') return status;
  throw invalidRequest('status must be open, closed or all');
}
