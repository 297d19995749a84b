import { endpoints, type ApiRequest, type ApiTarget } from '../../../../src/api/endpoints';

/** Where the page runs: relative API bases resolve against it, as fetch() would. */
export const PAGE_URL = 'https://chat.example/direct/acme';

/** Every request that names a session, as [path after the session id, request]. */
export function sessionRequests(target: ApiTarget, sessionId: string): [string, ApiRequest][] {
  return [
    ['', endpoints.session(target, sessionId)],
    ['/messages', endpoints.messages(target, sessionId, {})],
    ['/messages', endpoints.sendMessage(target, sessionId, { clientId: 'client-0001', text: 'hi' })],
    ['/events', endpoints.events(target, sessionId, 0)],
  ];
}

/** Every request of an app that does not name a session, as [path after the app id, query, request]. */
export function appRequests(target: ApiTarget): [string, string, ApiRequest][] {
  return [
    ['/config', '?locale=en', endpoints.config(target, 'en')],
    ['/visitors', '', endpoints.createVisitor(target, { locale: 'en' })],
    ['/sessions', '', endpoints.createSession(target)],
  ];
}

/**
 * Whether the URL a browser would fetch is `<base path>/apps/<one segment>/sessions/<one segment><suffix>`, with no
 * query or fragment: a hostile id cannot climb out of its segment ("..", "%2e%2e"), nor add a path or a query.
 */
export function staysInSessionPath(url: string, base: string, suffix: string): boolean {
  const resolved = new URL(url, PAGE_URL);
  const basePath = new URL(base, PAGE_URL).pathname.replace(/\/$/, '');
  const segment = '(?!\\.{1,2}/|\\.{1,2}$)[^/]+';
  const pattern = new RegExp(`^${escape(basePath)}/apps/${segment}/sessions/${segment}${escape(suffix)}$`);
  return pattern.test(resolved.pathname) && resolved.search === '' && resolved.hash === '' && url.startsWith(base);
}

/** The same for requests that name only the app. */
export function staysInAppPath(url: string, base: string, suffix: string, query = ''): boolean {
  const resolved = new URL(url, PAGE_URL);
  const basePath = new URL(base, PAGE_URL).pathname.replace(/\/$/, '');
  const pattern = new RegExp(`^${escape(basePath)}/apps/(?!\\.{1,2}/)[^/]+${escape(suffix)}$`);
  return pattern.test(resolved.pathname) && resolved.search === query && resolved.hash === '' && url.startsWith(base);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
