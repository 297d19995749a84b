import type { IncomingMessage } from 'node:http';

/**
 * The origin a chat link's URL is built on: the one the agent reached the server by. Behind a TLS-terminating proxy,
 * the proxy must pass Host and X-Forwarded-Proto (the nginx example in the README does).
 */
export function requestOrigin(request: IncomingMessage): string {
  const forwarded = String(request.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim();
  const scheme = forwarded === 'https' ? 'https' : 'http';
  const host = String(request.headers.host ?? '127.0.0.1').replace(/[^A-Za-z0-9.:[\]-]/g, '');
  return `${scheme}://${host}`;
}
