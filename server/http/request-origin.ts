import type { Context } from 'hono';
import type { AppEnv } from './app-env';

/**
 * The origin links handed out in an answer start with: DIRECT_CHAT_PUBLIC_URL when set, otherwise the one the request
 * reached (its Host; https only when a trusted proxy says so in X-Forwarded-Proto).
 */
export function requestOrigin(c: Context<AppEnv>): string {
  const { context } = c.var;
  if (context.settings.publicUrl) return context.settings.publicUrl;
  const { incoming } = c.env;
  const fromProxy = context.isTrustedProxy(incoming.socket.remoteAddress ?? '');
  const forwarded = String(incoming.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim();
  const scheme = fromProxy && forwarded === 'https' ? 'https' : 'http';
  const host = String(incoming.headers.host ?? '127.0.0.1').replace(/[^A-Za-z0-9.:[\]-]/g, '');
  return `${scheme}://${host}`;
}
