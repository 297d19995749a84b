import { readFileSync } from 'node:fs';
import { signDirectLink, type DirectLinkOptions } from '../../../server/sign-link';
import { E2E_ORIGIN } from './e2e-settings';

const demoSecret = (JSON.parse(readFileSync('server/apps.json', 'utf8')) as { apps: { appId: string; appSecret: string }[] }).apps.find(
  (app) => app.appId === 'demo_app',
)!.appSecret;

/** A freshly signed link for the demo app, as the business's server would make it; path and query only. */
export function signedLink(options: Omit<DirectLinkOptions, 'baseUrl' | 'appId' | 'secret'>, origin = E2E_ORIGIN): string {
  const url = new URL(signDirectLink({ baseUrl: origin, appId: 'demo_app', secret: demoSecret, ...options }));
  return `${url.pathname}${url.search}`;
}
