import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAppsConfig, type AppsById, type HostedApp } from '../../server/config/apps-config';
import { checkSignature } from '../../server/identity/verify-identity';
import { DEMO_APP_ID, SHIPPED_DEMO_SECRET } from '../../server/startup/demo-app';
import { startupBanner, type BannerFacts } from '../../server/startup/startup-banner';
import { FIXTURE_APPS } from './support/test-server';

const SHIPPED_APPS = resolve(__dirname, '../../server/apps.json');
const BASE = 'http://127.0.0.1:4650';
const GENERATED_TOKEN = 'generated-token-0123456789abcdefghijklmnopq';

function facts(apps: AppsById, overrides: Partial<BannerFacts> = {}): BannerFacts {
  return { baseUrl: BASE, apps, agentToken: GENERATED_TOKEN, agentTokenConfigured: false, dataDir: '/tmp/dc-data', ...overrides };
}

function withApps(...apps: HostedApp[]): AppsById {
  return new Map(apps.map((app) => [app.appId, app]));
}

const fixture = loadAppsConfig(FIXTURE_APPS);
const demo = fixture.get(DEMO_APP_ID)!;
const partner = fixture.get('partner_app')!;

describe('the start-up banner', () => {
  it('knows the shipped demo secret', () => {
    expect(loadAppsConfig(SHIPPED_APPS).get(DEMO_APP_ID)?.appSecret).toBe(SHIPPED_DEMO_SECRET);
  });

  it('with the shipped config: the page, a working signed link for the demo customer, the console, the token, READY', () => {
    const banner = startupBanner(facts(loadAppsConfig(SHIPPED_APPS)));
    const lines = banner.split('\n');
    expect(banner).toContain(`Chat page        ${BASE}/direct/demo_app\n`);
    expect(banner).toContain(`Agent console    ${BASE}/console/\n`);
    expect(banner).toContain(`Agent token      ${GENERATED_TOKEN}\n`);
    expect(banner).toContain('(generated once, kept in /tmp/dc-data/agent-token)');
    expect(lines.at(-1)).toBe(`READY ${BASE}`);

    const signed = new URL(/Signed link +(\S+)/.exec(banner)![1]!);
    expect(signed.origin + signed.pathname).toBe(`${BASE}/direct/demo_app`);
    expect(signed.searchParams.get('name')).toBe('Ada Lovelace');
    const fields = { sbs: signed.searchParams.get('sbs')!, sbs_mm: signed.searchParams.get('sbs_mm')!, ranstr: signed.searchParams.get('ranstr')! };
    expect(fields.sbs).toBe('42');
    expect(checkSignature(fields, SHIPPED_DEMO_SECRET)).toBe('valid');
  });

  it('signs nothing for demo_app once its secret is a real one', () => {
    const real = { ...demo, appSecret: 'a-real-production-secret-value' };
    const banner = startupBanner(facts(withApps(real, partner)));
    expect(banner).not.toMatch(/sbs_mm|Signed link /);
    expect(banner).toContain('Signed links     npm run sign-link -- --app demo_app --sbs <customer id>');
    expect(banner).toContain(`Chat page        ${BASE}/direct/demo_app\n`);
  });

  it('signs nothing for another app, even the first one, even with the demo secret', () => {
    const lookalike = { ...partner, appSecret: SHIPPED_DEMO_SECRET };
    const banner = startupBanner(facts(withApps(lookalike)));
    expect(banner).not.toMatch(/sbs_mm|Signed link /);
    expect(banner).toContain(`Chat page        ${BASE}/direct/partner_app\n`);
    expect(banner.split('\n').at(-1)).toBe(`READY ${BASE}`);
  });

  it('does not print a token that came from DIRECT_CHAT_AGENT_TOKEN', () => {
    const configured = 'operator-chosen-token-do-not-print';
    const banner = startupBanner(facts(fixture, { agentToken: configured, agentTokenConfigured: true }));
    expect(banner).not.toContain(configured);
    expect(banner).toContain('Agent token      set by DIRECT_CHAT_AGENT_TOKEN\n');
  });

  it('names only the file of a token an earlier start generated (it was printed then)', () => {
    const banner = startupBanner(facts(fixture, { agentTokenFromFile: true }));
    expect(banner).not.toContain(GENERATED_TOKEN);
    expect(banner).toContain('Agent token      in /tmp/dc-data/agent-token (printed once, when it was generated)\n');
  });
});
