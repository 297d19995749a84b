import type { IncomingMessage } from 'node:http';
import type { ProxyCheck } from '../http/trusted-proxies';

/**
 * The origin a chat link's URL is built on: the one the agent reached the server by. `X-Forwarded-Proto` is read only
 * from a trusted proxy (DIRECT_CHAT_TRUSTED_PROXIES), which must also pass Host (the nginx example in the README does).
 */
export function requestOrigin(request: IncomingMessage, isTrustedProxy: ProxyCheck): string {
  const peer = request.socket.remoteAddress;
  const forwarded = peer !== undefined && isTrustedProxy(peer) ? String(request.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() : '';
  const scheme = forwarded === 'https' ? 'https' : 'http';
  const host = String(request.headers.host ?? '127.0.0.1').replace(/[^A-Za-z0-9.:[\]-]/g, '');
  return `${scheme}://${host}`;
}
