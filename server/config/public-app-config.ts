import type { AppConfig, Branding, LocaleCode } from '../../src/api/wire';
import type { HostedApp } from './apps-config';
import type { DeepLinkAttributes } from '../deep-links/attribute-rules';
import { fillWelcome } from '../deep-links/welcome-placeholders';

/**
 * The public view of an app for one locale (falls back to the app's default locale). The welcome's `{{attribute}}`
 * placeholders are filled from a deep-link user's attributes, or left out for everyone else.
 */
export function publicAppConfig(app: HostedApp, requested: LocaleCode | undefined, attributes?: DeepLinkAttributes): AppConfig {
  const locale = requested && app.locales.includes(requested) ? requested : app.defaultLocale;
  const entry = app.branding[locale] ?? app.branding[app.defaultLocale]!;
  const branding: Branding = {
    title: entry.title,
    accentColor: entry.accentColor ?? app.accentColor,
    welcome: fillWelcome(entry.welcome, attributes),
  };
  const logoUrl = entry.logoUrl ?? app.logoUrl;
  if (logoUrl) branding.logoUrl = logoUrl;
  if (entry.replyTime) branding.replyTime = entry.replyTime;
  if (entry.quickReplies?.length) branding.quickReplies = [...entry.quickReplies];
  const team = app.team.map((member) => ({ ...member }));
  return { appId: app.appId, name: app.name, locales: [...app.locales], defaultLocale: app.defaultLocale, branding, team };
}
