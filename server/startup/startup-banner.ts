import { join } from 'node:path';
import { AGENT_TOKEN_FILE } from '../auth/agent-token';
import type { AppsById } from '../config/apps-config';
import { signDirectLink } from '../sign-link';
import { DEMO_APP_ID, shippedDemoApp } from './demo-app';

export interface BannerFacts {
  /** http://host:port a browser on this machine can open. */
  baseUrl: string;
  apps: AppsById;
  agentToken: string;
  /** True when the token came from DIRECT_CHAT_AGENT_TOKEN: the operator has it, so it is not printed. */
  agentTokenConfigured: boolean;
  /** True when an earlier start generated the token: it was printed then, now only its file is named. */
  agentTokenFromFile?: boolean;
  dataDir: string;
}

export const DEMO_CUSTOMER = { sbs: '42', name: 'Ada Lovelace' } as const;

/**
 * What `npm start` prints, ending with the machine-readable `READY <base url>` line. Secrets appear only when they
 * are no secret: a signed link only for the demo app with its shipped (public) secret, and the agent token only on the
 * start that generated it into the data directory (afterwards only the file that holds it).
 */
export function startupBanner(facts: BannerFacts): string {
  const { baseUrl, apps } = facts;
  const demo = shippedDemoApp(apps);
  const pageApp = apps.get(DEMO_APP_ID) ?? apps.values().next().value!;
  const lines = ['', 'Direct Chat reference server', '', `  Chat page        ${baseUrl}/direct/${pageApp.appId}`];
  if (demo) {
    const signed = signDirectLink({ baseUrl, appId: demo.appId, secret: demo.appSecret, ...DEMO_CUSTOMER });
    lines.push(
      `  Signed link      ${signed}`,
      `                   (demo customer ${DEMO_CUSTOMER.sbs}, "${DEMO_CUSTOMER.name}"; single use, make more with npm run sign-link)`,
    );
  } else {
    lines.push(`  Signed links     npm run sign-link -- --app ${pageApp.appId} --sbs <customer id>`);
  }
  lines.push(`  Agent console    ${baseUrl}/console/`);
  if (facts.agentTokenConfigured) {
    lines.push('  Agent token      set by DIRECT_CHAT_AGENT_TOKEN');
  } else if (facts.agentTokenFromFile) {
    lines.push(`  Agent token      in ${join(facts.dataDir, AGENT_TOKEN_FILE)} (printed once, when it was generated)`);
  } else {
    lines.push(
      `  Agent token      ${facts.agentToken}`,
      `                   (generated once, kept in ${join(facts.dataDir, AGENT_TOKEN_FILE)})`,
    );
  }
  lines.push(`  Data directory   ${facts.dataDir}`, '', `READY ${baseUrl}`);
  return lines.join('\n');
}
