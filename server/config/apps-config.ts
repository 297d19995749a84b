import { ATTRIBUTE_KEY_PATTERN, ATTRIBUTE_LIMITS } from '../deep-links/attribute-rules';
import { readFileSync } from 'node:fs';
import type { LocaleCode } from '../../src/api/wire';
import { APP_ID_PATTERN } from '../../src/api/limits';
import { isExactOrigin } from './exact-origin';
import { parsePreviewSettings } from '../previews/parse-preview-settings';
import type { PreviewSettings } from '../previews/preview-policy';
import { isLocaleCode } from './locale-codes';

export interface LocaleBranding {
  title: string;
  welcome: string;
  accentColor?: string;
  logoUrl?: string;
  /** A line under the title, such as "Usually replies in a few minutes". */
  replyTime?: string;
  /** Suggested first messages, sent on tap. */
  quickReplies?: string[];
}

/** An agent shown as the team's face: in the header and the welcome. */
export interface TeamMember {
  name: string;
  avatarUrl?: string;
}

/** One hosted app, as read from the apps config file (server/apps.json or DIRECT_CHAT_APPS). */
export interface HostedApp {
  appId: string;
  name: string;
  appSecret: string;
  fullPage: boolean;
  /** Origins (scheme://host[:port]) allowed to embed the chat page in a frame. */
  allowedOrigins: string[];
  locales: LocaleCode[];
  defaultLocale: LocaleCode;
  accentColor: string;
  logoUrl?: string;
  team: TeamMember[];
  branding: Partial<Record<LocaleCode, LocaleBranding>>;
  linkPreviews: PreviewSettings;
  /** Deep-link attributes whose comma-separated string value is a collection ("shoes, bags"); others stay one value. */
  collectionAttributes: ReadonlySet<string>;
}

export type AppsById = ReadonlyMap<string, HostedApp>;

export class AppsConfigError extends Error {
  constructor(source: string, readonly problems: string[]) {
    super(`Invalid apps config ${source}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'AppsConfigError';
  }
}

const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const MIN_SECRET_LENGTH = 16;
const MAX_TEXT = { name: 100, title: 200, welcome: 1000, secret: 256, replyTime: 80, quickReply: 80 } as const;
export const MAX_TEAM = 5;
export const MAX_QUICK_REPLIES = 4;
const APP_KEYS = [
  'appId', 'name', 'appSecret', 'fullPage', 'allowedOrigins', 'locales', 'defaultLocale', 'accentColor', 'logoUrl',
  'team', 'branding', 'linkPreviews', 'collectionAttributes',
];
const BRANDING_KEYS = ['title', 'welcome', 'accentColor', 'logoUrl', 'replyTime', 'quickReplies'];
const TEAM_KEYS = ['name', 'avatarUrl'];

export function loadAppsConfig(file: string): AppsById {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppsConfigError(file, [`cannot read the file (${(error as NodeJS.ErrnoException).code ?? error})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppsConfigError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  return parseAppsConfig(json, file);
}

export function parseAppsConfig(json: unknown, source = 'apps config'): AppsById {
  const problems: string[] = [];
  const apps = new Map<string, HostedApp>();
  if (!isPlainObject(json) || !Array.isArray(json.apps)) {
    throw new AppsConfigError(source, ['expected an object {"apps": [...]}']);
  }
  for (const key of Object.keys(json)) if (key !== 'apps') problems.push(`unknown key "${key}"`);
  if (json.apps.length === 0) problems.push('"apps" is empty: configure at least one app');
  json.apps.forEach((raw, index) => {
    const app = parseApp(raw, `apps[${index}]`, problems);
    if (!app) return;
    if (apps.has(app.appId)) problems.push(`apps[${index}].appId: "${app.appId}" is configured twice`);
    else apps.set(app.appId, app);
  });
  if (problems.length > 0) throw new AppsConfigError(source, problems);
  return apps;
}

function parseApp(raw: unknown, at: string, problems: string[]): HostedApp | undefined {
  if (!isPlainObject(raw)) {
    problems.push(`${at}: expected an object`);
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(raw)) if (!APP_KEYS.includes(key)) problems.push(`${at}: unknown key "${key}"`);

  const appId = raw.appId;
  if (typeof appId !== 'string' || !APP_ID_PATTERN.test(appId)) problems.push(`${at}.appId: must match ${APP_ID_PATTERN}`);
  const name = text(raw.name, `${at}.name`, MAX_TEXT.name, problems);
  const appSecret = raw.appSecret;
  if (typeof appSecret !== 'string' || appSecret.length < MIN_SECRET_LENGTH || appSecret.length > MAX_TEXT.secret) {
    problems.push(`${at}.appSecret: must be a string of ${MIN_SECRET_LENGTH} to ${MAX_TEXT.secret} characters`);
  }
  if (typeof raw.fullPage !== 'boolean') problems.push(`${at}.fullPage: must be true or false`);
  const allowedOrigins = parseOrigins(raw.allowedOrigins, `${at}.allowedOrigins`, problems);
  const locales = parseLocales(raw.locales, `${at}.locales`, problems);
  const defaultLocale = raw.defaultLocale;
  if (!isLocaleCode(defaultLocale) || !locales.includes(defaultLocale)) {
    problems.push(`${at}.defaultLocale: must be one of the app's locales`);
  }
  const accentColor = colour(raw.accentColor, `${at}.accentColor`, problems);
  const logoUrl = raw.logoUrl === undefined ? undefined : image(raw.logoUrl, `${at}.logoUrl`, problems);
  const team = raw.team === undefined ? [] : parseTeam(raw.team, `${at}.team`, problems);
  const branding = parseBranding(raw.branding, locales, `${at}.branding`, problems);
  const linkPreviews = parsePreviewSettings(raw.linkPreviews, `${at}.linkPreviews`, problems);
  const collectionAttributes = parseCollectionAttributes(raw.collectionAttributes, `${at}.collectionAttributes`, problems);

  if (problems.length > before) return undefined;
  return {
    appId: appId as string,
    name: name as string,
    appSecret: appSecret as string,
    fullPage: raw.fullPage as boolean,
    allowedOrigins,
    locales,
    defaultLocale: defaultLocale as LocaleCode,
    accentColor: accentColor as string,
    logoUrl,
    team,
    branding,
    linkPreviews,
    collectionAttributes,
  };
}

function parseCollectionAttributes(raw: unknown, at: string, problems: string[]): ReadonlySet<string> {
  if (raw === undefined) return new Set();
  if (!Array.isArray(raw) || raw.length > ATTRIBUTE_LIMITS.keys || !raw.every((key) => typeof key === 'string' && ATTRIBUTE_KEY_PATTERN.test(key))) {
    problems.push(`${at}: must be a list of at most ${ATTRIBUTE_LIMITS.keys} attribute names matching ${ATTRIBUTE_KEY_PATTERN}`);
    return new Set();
  }
  return new Set(raw as string[]);
}

function parseTeam(raw: unknown, at: string, problems: string[]): TeamMember[] {
  if (!Array.isArray(raw) || raw.length > MAX_TEAM) {
    problems.push(`${at}: must be a list of at most ${MAX_TEAM} agents like {"name": "Sam"}`);
    return [];
  }
  return raw.flatMap((entry, index): TeamMember[] => {
    const where = `${at}[${index}]`;
    if (!isPlainObject(entry)) {
      problems.push(`${where}: expected an object {"name": ..., "avatarUrl"?: ...}`);
      return [];
    }
    for (const key of Object.keys(entry)) if (!TEAM_KEYS.includes(key)) problems.push(`${where}: unknown key "${key}"`);
    const name = text(entry.name, `${where}.name`, MAX_TEXT.name, problems) ?? '';
    const avatarUrl = entry.avatarUrl === undefined ? undefined : image(entry.avatarUrl, `${where}.avatarUrl`, problems);
    return [avatarUrl ? { name, avatarUrl } : { name }];
  });
}

function parseQuickReplies(raw: unknown, at: string, problems: string[]): string[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length > MAX_QUICK_REPLIES) {
    problems.push(`${at}: must be a list of at most ${MAX_QUICK_REPLIES} suggested messages`);
    return undefined;
  }
  return raw.map((entry, index) => text(entry, `${at}[${index}]`, MAX_TEXT.quickReply, problems) ?? '');
}

function parseLocales(raw: unknown, at: string, problems: string[]): LocaleCode[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push(`${at}: must be a non-empty list of locale codes`);
    return [];
  }
  const locales: LocaleCode[] = [];
  for (const code of raw) {
    if (!isLocaleCode(code)) problems.push(`${at}: "${String(code)}" is not one of zh-cn zh-tw en ja ko de fr pt ru`);
    else if (locales.includes(code)) problems.push(`${at}: "${code}" is listed twice`);
    else locales.push(code);
  }
  return locales;
}

function parseOrigins(raw: unknown, at: string, problems: string[]): string[] {
  if (!Array.isArray(raw)) {
    problems.push(`${at}: must be a list of origins like "https://shop.example" (may be empty)`);
    return [];
  }
  const origins: string[] = [];
  for (const origin of raw) {
    if (typeof origin === 'string' && isExactOrigin(origin)) origins.push(origin);
    else problems.push(`${at}: "${String(origin)}" is not an http(s) origin (scheme://host[:port], no path)`);
  }
  return origins;
}

function parseBranding(
  raw: unknown,
  locales: LocaleCode[],
  at: string,
  problems: string[],
): Partial<Record<LocaleCode, LocaleBranding>> {
  const branding: Partial<Record<LocaleCode, LocaleBranding>> = {};
  if (!isPlainObject(raw)) {
    problems.push(`${at}: must be an object keyed by locale code`);
    return branding;
  }
  for (const key of Object.keys(raw)) {
    if (!isLocaleCode(key) || !locales.includes(key)) problems.push(`${at}: "${key}" is not one of the app's locales`);
  }
  for (const locale of locales) {
    const entry = raw[locale];
    const where = `${at}.${locale}`;
    if (!isPlainObject(entry)) {
      problems.push(`${where}: missing (every listed locale needs a title and a welcome message)`);
      continue;
    }
    for (const key of Object.keys(entry)) if (!BRANDING_KEYS.includes(key)) problems.push(`${where}: unknown key "${key}"`);
    branding[locale] = {
      title: text(entry.title, `${where}.title`, MAX_TEXT.title, problems) ?? '',
      welcome: text(entry.welcome, `${where}.welcome`, MAX_TEXT.welcome, problems) ?? '',
      accentColor: entry.accentColor === undefined ? undefined : colour(entry.accentColor, `${where}.accentColor`, problems),
      logoUrl: entry.logoUrl === undefined ? undefined : image(entry.logoUrl, `${where}.logoUrl`, problems),
      replyTime: entry.replyTime === undefined ? undefined : text(entry.replyTime, `${where}.replyTime`, MAX_TEXT.replyTime, problems),
      quickReplies: parseQuickReplies(entry.quickReplies, `${where}.quickReplies`, problems),
    };
  }
  return branding;
}

function text(raw: unknown, at: string, max: number, problems: string[]): string | undefined {
  if (typeof raw === 'string' && raw.trim().length > 0 && raw.length <= max) return raw;
  problems.push(`${at}: must be a non-empty string of at most ${max} characters`);
  return undefined;
}

function colour(raw: unknown, at: string, problems: string[]): string | undefined {
  if (typeof raw === 'string' && HEX_COLOUR.test(raw)) return raw;
  problems.push(`${at}: must be a hex colour like "#1f5fbf"`);
  return undefined;
}

function image(raw: unknown, at: string, problems: string[]): string | undefined {
  if (typeof raw === 'string' && isImageUrl(raw)) return raw;
  problems.push(`${at}: must be an http(s) URL or a path starting with a single "/"`);
  return undefined;
}

function isImageUrl(value: string): boolean {
  if (value.length > 2048) return false;
  if (/^\/(?![/\\])/.test(value)) return !/[\s"'<>\\]/.test(value);
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
