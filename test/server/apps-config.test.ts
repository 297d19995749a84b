import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppsConfigError, loadAppsConfig, parseAppsConfig } from '../../server/config/apps-config';
import { publicAppConfig } from '../../server/config/public-app-config';
import { LOCALE_CODES } from '../../server/config/locale-codes';
import { readServerSettings, SettingsError } from '../../server/config/server-settings';

const SHIPPED = resolve(__dirname, '../../server/apps.json');

function contrastWithWhite(hex: string): number {
  const full = hex.length === 4 ? hex.replace(/^#(.)(.)(.)$/, '#$1$1$2$2$3$3') : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (luminance + 0.05);
}

const validApp = () => ({
  appId: 'shop',
  name: 'Shop',
  appSecret: 'a-long-enough-secret',
  fullPage: true,
  allowedOrigins: ['https://shop.example'],
  locales: ['en', 'ja'],
  defaultLocale: 'en',
  accentColor: '#123456',
  branding: { en: { title: 'Shop', welcome: 'Hi' }, ja: { title: 'ショップ', welcome: 'こんにちは' } },
});

const problemsOf = (json: unknown): string[] => {
  try {
    parseAppsConfig(json);
  } catch (error) {
    if (error instanceof AppsConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('the shipped apps config', () => {
  const apps = loadAppsConfig(SHIPPED);
  const demo = apps.get('demo_app')!;

  it('hosts demo_app in all nine languages with its own words in each', () => {
    expect(demo.locales.slice().sort()).toEqual([...LOCALE_CODES].sort());
    expect(demo.fullPage).toBe(true);
    expect(demo.allowedOrigins).toEqual([]);
    expect(demo.logoUrl).toBe('/direct/favicon.svg');
    const english = demo.branding.en!;
    for (const locale of LOCALE_CODES.filter((code) => code !== 'en')) {
      expect(demo.branding[locale]!.title).not.toBe(english.title);
      expect(demo.branding[locale]!.welcome).not.toBe(english.welcome);
    }
  });

  it('names a team and, in every language, a reply-time line and quick replies of its own', () => {
    expect(demo.team.length).toBeGreaterThanOrEqual(2);
    for (const locale of LOCALE_CODES) {
      expect(demo.branding[locale]!.replyTime).toBeTruthy();
      expect(demo.branding[locale]!.quickReplies!.length).toBeGreaterThanOrEqual(2);
      if (locale !== 'en') expect(demo.branding[locale]!.quickReplies).not.toEqual(demo.branding.en!.quickReplies);
    }
  });

  it('uses an obviously-demo secret and an accent colour with AA contrast for white text', () => {
    expect(demo.appSecret).toMatch(/demo/);
    expect(demo.appSecret).toMatch(/not-for-production/);
    expect(contrastWithWhite(demo.accentColor)).toBeGreaterThanOrEqual(4.5);
  });

  it('resolves branding for a locale, falling back to the default', () => {
    expect(publicAppConfig(demo, 'ja').branding.title).toBe(demo.branding.ja!.title);
    expect(publicAppConfig(demo, undefined).branding.title).toBe(demo.branding.en!.title);
    expect(publicAppConfig(demo, 'de')).toEqual({
      appId: 'demo_app',
      name: demo.name,
      locales: demo.locales,
      defaultLocale: 'en',
      branding: {
        title: demo.branding.de!.title,
        welcome: demo.branding.de!.welcome,
        accentColor: '#1f5fbf',
        logoUrl: '/direct/favicon.svg',
        replyTime: demo.branding.de!.replyTime,
        quickReplies: demo.branding.de!.quickReplies,
      },
      team: demo.team,
    });
    expect(JSON.stringify(publicAppConfig(demo, 'en'))).not.toContain(demo.appSecret);
  });
});

describe('apps config validation', () => {
  it('accepts a valid config', () => {
    expect(problemsOf({ apps: [validApp()] })).toEqual([]);
  });

  it('takes a team, a reply-time line and quick replies, and publishes them per locale', () => {
    const json = {
      apps: [
        {
          ...validApp(),
          team: [{ name: 'Sam', avatarUrl: 'https://cdn.example/sam.png' }, { name: 'Ana' }],
          branding: {
            en: { title: 'Shop', welcome: 'Hi', replyTime: 'Replies in minutes', quickReplies: ['Track my order', 'Returns'] },
            ja: { title: 'ショップ', welcome: 'こんにちは' },
          },
        },
      ],
    };
    const app = parseAppsConfig(json).get('shop')!;
    expect(publicAppConfig(app, 'en')).toMatchObject({
      team: [{ name: 'Sam', avatarUrl: 'https://cdn.example/sam.png' }, { name: 'Ana' }],
      branding: { replyTime: 'Replies in minutes', quickReplies: ['Track my order', 'Returns'] },
    });
    const japanese = publicAppConfig(app, 'ja');
    expect(japanese.branding).not.toHaveProperty('replyTime');
    expect(japanese.branding).not.toHaveProperty('quickReplies');
    expect(publicAppConfig(parseAppsConfig({ apps: [validApp()] }).get('shop')!, 'en').team).toEqual([]);
  });

  it.each([
    ['an unknown top-level key', { apps: [validApp()], extra: 1 }, 'unknown key "extra"'],
    ['no apps', { apps: [] }, 'configure at least one app'],
    ['a bad appId', { apps: [{ ...validApp(), appId: 'a b' }] }, 'apps[0].appId'],
    ['a short secret', { apps: [{ ...validApp(), appSecret: 'short' }] }, 'apps[0].appSecret'],
    ['a misspelt key', { apps: [{ ...validApp(), fullpage: true }] }, 'unknown key "fullpage"'],
    ['fullPage not boolean', { apps: [{ ...validApp(), fullPage: 'yes' }] }, 'apps[0].fullPage'],
    ['an unknown locale', { apps: [{ ...validApp(), locales: ['en', 'es'] }] }, '"es" is not one of'],
    ['defaultLocale outside locales', { apps: [{ ...validApp(), defaultLocale: 'de' }] }, 'apps[0].defaultLocale'],
    ['missing branding for a locale', { apps: [{ ...validApp(), branding: { en: { title: 'a', welcome: 'b' } } }] }, 'apps[0].branding.ja: missing'],
    ['an empty title', { apps: [{ ...validApp(), branding: { en: { title: ' ', welcome: 'b' }, ja: { title: 'a', welcome: 'b' } } }] }, 'apps[0].branding.en.title'],
    ['an origin with a path', { apps: [{ ...validApp(), allowedOrigins: ['https://shop.example/path'] }] }, 'is not an http(s) origin'],
    ['an origin that smuggles CSP', { apps: [{ ...validApp(), allowedOrigins: ["https://a.example; script-src 'unsafe-inline'"] }] }, 'is not an http(s) origin'],
    ['a javascript: logo', { apps: [{ ...validApp(), logoUrl: 'javascript:alert(1)' }] }, 'apps[0].logoUrl'],
    ['a protocol-relative logo', { apps: [{ ...validApp(), logoUrl: '//evil.example/x.png' }] }, 'apps[0].logoUrl'],
    ['a bad colour', { apps: [{ ...validApp(), accentColor: 'blue' }] }, 'apps[0].accentColor'],
    ['a duplicate appId', { apps: [validApp(), validApp()] }, 'configured twice'],
    ['a team that is not a list', { apps: [{ ...validApp(), team: { name: 'Sam' } }] }, 'apps[0].team: must be a list'],
    ['a team of six', { apps: [{ ...validApp(), team: Array.from({ length: 6 }, (_, i) => ({ name: `A${i}` })) }] }, 'at most 5 agents'],
    ['an agent without a name', { apps: [{ ...validApp(), team: [{ avatarUrl: '/a.png' }] }] }, 'apps[0].team[0].name'],
    ['a javascript: avatar', { apps: [{ ...validApp(), team: [{ name: 'Sam', avatarUrl: 'javascript:x' }] }] }, 'apps[0].team[0].avatarUrl'],
    ['a misspelt agent key', { apps: [{ ...validApp(), team: [{ name: 'Sam', avatar: '/a.png' }] }] }, 'unknown key "avatar"'],
    ['a long reply-time line', { apps: [{ ...validApp(), branding: { ...validApp().branding, en: { title: 'a', welcome: 'b', replyTime: 'x'.repeat(81) } } }] }, 'apps[0].branding.en.replyTime'],
    ['five quick replies', { apps: [{ ...validApp(), branding: { ...validApp().branding, en: { title: 'a', welcome: 'b', quickReplies: ['1', '2', '3', '4', '5'] } } }] }, 'at most 4 suggested'],
    ['an empty quick reply', { apps: [{ ...validApp(), branding: { ...validApp().branding, en: { title: 'a', welcome: 'b', quickReplies: [' '] } } }] }, 'apps[0].branding.en.quickReplies[0]'],
  ])('explains %s', (_label, json, expected) => {
    expect(problemsOf(json).join('\n')).toContain(expected);
  });

  it('names the file for unreadable or invalid JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'direct-chat-apps-'));
    try {
      const file = join(dir, 'apps.json');
      expect(() => loadAppsConfig(file)).toThrow(/cannot read the file \(ENOENT\)/);
      writeFileSync(file, '{ nope');
      expect(() => loadAppsConfig(file)).toThrow(new RegExp(`Invalid apps config ${file}:\\n  - not valid JSON`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('server settings from the environment', () => {
  it('has defaults for everything', () => {
    const settings = readServerSettings({}, '/srv/direct-chat');
    expect(settings).toEqual({
      host: '127.0.0.1',
      port: 8787,
      dataDir: '/srv/direct-chat/data',
      appsFile: '/srv/direct-chat/server/apps.json',
      distDir: '/srv/direct-chat/dist',
      agentToken: undefined,
      heartbeatMs: 15000,
      rateLimitPerMinute: 600,
      maxConnections: 2000,
      maxStreamsPerClient: 50,
      faultInjection: false,
      corsOrigins: [],
    });
  });

  it('reads every variable', () => {
    const settings = readServerSettings(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        DIRECT_CHAT_DATA_DIR: '/var/lib/chat',
        DIRECT_CHAT_APPS: '/etc/chat/apps.json',
        DIRECT_CHAT_AGENT_TOKEN: 'a-very-long-agent-token',
        DIRECT_CHAT_HEARTBEAT_MS: '5000',
        DIRECT_CHAT_RATE_LIMIT: '100000',
        DIRECT_CHAT_MAX_CONNECTIONS: '300',
        DIRECT_CHAT_MAX_STREAMS_PER_IP: '500',
        DIRECT_CHAT_FAULT_INJECTION: '1',
        DIRECT_CHAT_CORS_ORIGINS: 'https://cdn.example.com, http://localhost:4173',
      },
      '/srv/direct-chat',
    );
    expect(settings).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/var/lib/chat',
      appsFile: '/etc/chat/apps.json',
      agentToken: 'a-very-long-agent-token',
      heartbeatMs: 5000,
      rateLimitPerMinute: 100000,
      maxConnections: 300,
      maxStreamsPerClient: 500,
      faultInjection: true,
      corsOrigins: ['https://cdn.example.com', 'http://localhost:4173'],
    });
  });

  it.each([
    [{ PORT: 'http' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DIRECT_CHAT_HEARTBEAT_MS: '1.5' }, 'DIRECT_CHAT_HEARTBEAT_MS'],
    [{ DIRECT_CHAT_RATE_LIMIT: '0' }, 'DIRECT_CHAT_RATE_LIMIT'],
    [{ DIRECT_CHAT_MAX_CONNECTIONS: '0' }, 'DIRECT_CHAT_MAX_CONNECTIONS'],
    [{ DIRECT_CHAT_MAX_STREAMS_PER_IP: 'many' }, 'DIRECT_CHAT_MAX_STREAMS_PER_IP'],
    [{ DIRECT_CHAT_AGENT_TOKEN: 'short' }, 'DIRECT_CHAT_AGENT_TOKEN'],
    [{ DIRECT_CHAT_CORS_ORIGINS: 'https://cdn.example.com/path' }, 'DIRECT_CHAT_CORS_ORIGINS'],
    [{ DIRECT_CHAT_CORS_ORIGINS: '*' }, 'DIRECT_CHAT_CORS_ORIGINS'],
  ])('refuses %o', (env, name) => {
    expect(() => readServerSettings(env, '/srv')).toThrow(SettingsError);
    expect(() => readServerSettings(env, '/srv')).toThrow(name);
  });
});
