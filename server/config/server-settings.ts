import { resolve } from 'node:path';
import { isExactOrigin } from './exact-origin';
import { parseTrustedProxies } from '../http/trusted-proxies';
import { parseUnfurlAllow } from '../previews/unfurl-allow';

/** Everything the server needs to start; read from the environment by readServerSettings. */
export interface ServerSettings {
  host: string;
  port: number;
  dataDir: string;
  /** From DATABASE_URL: postgres://... selects PostgreSQL (several instances may share it); unset, embedded SQLite. */
  databaseUrl?: string;
  appsFile: string;
  /** Holds direct/ (the page) and console/ (the agent console); may be absent, then only the API is served. */
  distDir: string;
  /** From DIRECT_CHAT_AGENT_TOKEN; when absent a token is generated once and kept in the data directory. */
  agentToken?: string;
  heartbeatMs: number;
  rateLimitPerMinute: number;
  /** Open TCP connections the server accepts at once (Node's server.maxConnections); more are dropped. */
  maxConnections: number;
  /** Event streams one client address (an IPv6 /64) may hold open at once; more are refused with 429. */
  maxStreamsPerClient: number;
  faultInjection: boolean;
  /** Origins (scheme://host[:port]) of pages hosted elsewhere that may call the visitor API (CORS). */
  corsOrigins: string[];
  /** DIRECT_CHAT_UNFURL_ALLOW, tests only: host:port pairs the link-preview fetcher may reach although private. */
  unfurlAllow?: string;
  /** Open TCP connections one client address (an IPv6 /64) may hold; more are dropped. Default 256. */
  maxConnectionsPerClient?: number;
  /** A client must send its request headers within this time (default 10 s) ... */
  headerTimeoutMs?: number;
  /** ... and its whole request within this one (default 30 s; event streams are not cut). */
  requestTimeoutMs?: number;
  /** Reverse proxies (addresses or CIDRs) whose X-Forwarded-For names the client; from DIRECT_CHAT_TRUSTED_PROXIES. */
  trustedProxies?: string[];
  /** pino level: fatal, error, warn, info (default), debug, trace or silent. */
  logLevel?: string;
  /** Deep links: users per generate request (default 100), longest expiry in days (default 90), requests a minute per API key (default 120). */
  deepLinkMaxUsers?: number;
  deepLinkMaxDays?: number;
  deepLinkRatePerMinute?: number;
  /** The origin generated deep links start with (DIRECT_CHAT_PUBLIC_URL); by default the one the request reached. */
  publicUrl?: string;
  /** Invitations by email: SMTP_URL (smtp:// or smtps://, credentials inside) and DIRECT_CHAT_MAIL_FROM. */
  smtpUrl?: string;
  mailFrom?: string;
  /** Invitations by SMS: the provider's messages API (SMS_API_URL, SMS_ACCOUNT_ID, SMS_AUTH_TOKEN, SMS_FROM). */
  sms?: { apiUrl?: string; accountId?: string; authToken?: string; from?: string };
  /** Invitation messages handed off per second, per instance (DIRECT_CHAT_INVITATION_RATE, default 5). */
  invitationRate?: number;
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HEARTBEAT_MS = 15_000;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
export const DEFAULT_MAX_CONNECTIONS = 2000;
export const DEFAULT_MAX_STREAMS_PER_CLIENT = 50;
export const DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 256;
export const MIN_AGENT_TOKEN_LENGTH = 16;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function readServerSettings(env: NodeJS.ProcessEnv, projectRoot: string): ServerSettings {
  const agentToken = env.DIRECT_CHAT_AGENT_TOKEN || undefined;
  if (agentToken !== undefined && (agentToken.length < MIN_AGENT_TOKEN_LENGTH || /\s/.test(agentToken))) {
    throw new SettingsError(`DIRECT_CHAT_AGENT_TOKEN must be at least ${MIN_AGENT_TOKEN_LENGTH} characters without spaces`);
  }
  return {
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', DEFAULT_PORT, 0, 65_535),
    dataDir: env.DIRECT_CHAT_DATA_DIR ? resolve(env.DIRECT_CHAT_DATA_DIR) : resolve(projectRoot, 'data'),
    databaseUrl: databaseUrl(env),
    appsFile: env.DIRECT_CHAT_APPS ? resolve(env.DIRECT_CHAT_APPS) : resolve(projectRoot, 'server/apps.json'),
    distDir: resolve(projectRoot, 'dist'),
    agentToken,
    heartbeatMs: integer(env, 'DIRECT_CHAT_HEARTBEAT_MS', DEFAULT_HEARTBEAT_MS, 50, 3_600_000),
    rateLimitPerMinute: integer(env, 'DIRECT_CHAT_RATE_LIMIT', DEFAULT_RATE_LIMIT_PER_MINUTE, 1, 100_000_000),
    maxConnections: integer(env, 'DIRECT_CHAT_MAX_CONNECTIONS', DEFAULT_MAX_CONNECTIONS, 1, 1_000_000),
    maxStreamsPerClient: integer(env, 'DIRECT_CHAT_MAX_STREAMS_PER_IP', DEFAULT_MAX_STREAMS_PER_CLIENT, 1, 1_000_000),
    faultInjection: env.DIRECT_CHAT_FAULT_INJECTION === '1',
    corsOrigins: origins(env, 'DIRECT_CHAT_CORS_ORIGINS'),
    unfurlAllow: unfurlAllow(env.DIRECT_CHAT_UNFURL_ALLOW),
    // Newer settings appear only when set; their defaults live where they are used.
    ...(env.DIRECT_CHAT_MAX_CONNECTIONS_PER_IP
      ? { maxConnectionsPerClient: integer(env, 'DIRECT_CHAT_MAX_CONNECTIONS_PER_IP', 0, 1, 1_000_000) }
      : {}),
    ...(env.DIRECT_CHAT_TRUSTED_PROXIES ? { trustedProxies: trustedProxies(env.DIRECT_CHAT_TRUSTED_PROXIES) } : {}),
    ...(env.DIRECT_CHAT_LOG_LEVEL ? { logLevel: logLevel(env.DIRECT_CHAT_LOG_LEVEL) } : {}),
    ...(env.DIRECT_CHAT_DEEP_LINK_MAX_USERS ? { deepLinkMaxUsers: integer(env, 'DIRECT_CHAT_DEEP_LINK_MAX_USERS', 0, 1, 10_000) } : {}),
    ...(env.DIRECT_CHAT_DEEP_LINK_MAX_DAYS ? { deepLinkMaxDays: integer(env, 'DIRECT_CHAT_DEEP_LINK_MAX_DAYS', 0, 1, 3650) } : {}),
    ...(env.DIRECT_CHAT_DEEP_LINK_RATE_LIMIT
      ? { deepLinkRatePerMinute: integer(env, 'DIRECT_CHAT_DEEP_LINK_RATE_LIMIT', 0, 1, 1_000_000) }
      : {}),
    ...(env.DIRECT_CHAT_PUBLIC_URL ? { publicUrl: publicUrl(env.DIRECT_CHAT_PUBLIC_URL) } : {}),
    ...(env.SMTP_URL ? { smtpUrl: smtpUrl(env.SMTP_URL) } : {}),
    ...(env.DIRECT_CHAT_MAIL_FROM ? { mailFrom: env.DIRECT_CHAT_MAIL_FROM } : {}),
    ...smsSettings(env),
    ...(env.DIRECT_CHAT_INVITATION_RATE ? { invitationRate: integer(env, 'DIRECT_CHAT_INVITATION_RATE', 0, 1, 10_000) } : {}),
  };
}

function unfurlAllow(value: string | undefined): string | undefined {
  try {
    parseUnfurlAllow(value);
  } catch (error) {
    throw new SettingsError((error as Error).message);
  }
  return value || undefined;
}

function publicUrl(raw: string): string {
  if (!isExactOrigin(raw)) throw new SettingsError(`DIRECT_CHAT_PUBLIC_URL: "${raw}" is not an origin like https://chat.example.com`);
  return raw;
}

function smtpUrl(raw: string): string {
  if (!/^smtps?:\/\/./.test(raw)) throw new SettingsError('SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.com:465');
  return raw;
}

function smsSettings(env: NodeJS.ProcessEnv): Pick<ServerSettings, 'sms'> {
  const sms = { apiUrl: env.SMS_API_URL || undefined, accountId: env.SMS_ACCOUNT_ID || undefined, authToken: env.SMS_AUTH_TOKEN || undefined, from: env.SMS_FROM || undefined };
  if (sms.apiUrl !== undefined && !/^https?:\/\/./.test(sms.apiUrl)) throw new SettingsError('SMS_API_URL must be an http(s) URL');
  return Object.values(sms).some((value) => value !== undefined) ? { sms } : {};
}

function databaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const url = env.DATABASE_URL || undefined;
  if (url !== undefined && !/^postgres(ql)?:\/\/./.test(url)) {
    throw new SettingsError('DATABASE_URL must be a postgres:// URL; leave it unset for the embedded SQLite database');
  }
  return url;
}

function logLevel(raw: string): string {
  if (!LOG_LEVELS.includes(raw)) throw new SettingsError(`DIRECT_CHAT_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return raw;
}

function trustedProxies(raw: string): string[] {
  const list = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  try {
    parseTrustedProxies(list);
  } catch (error) {
    throw new SettingsError(`DIRECT_CHAT_TRUSTED_PROXIES: ${(error as Error).message}`);
  }
  return list;
}

function origins(env: NodeJS.ProcessEnv, name: string): string[] {
  const list = (env[name] ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const origin of list) {
    if (!isExactOrigin(origin)) throw new SettingsError(`${name}: "${origin}" is not an origin like https://chat.example.com`);
  }
  return list;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new SettingsError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}
