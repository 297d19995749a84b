import { Hono } from 'hono';
import type { DeepLinkConfigResponse } from '../../src/api/wire';
import { matchLocaleCode } from '../config/locale-codes';
import { publicAppConfig } from '../config/public-app-config';
import { findDeepLink } from '../deep-links/open-deep-link';
import { scenarioLocale } from '../deep-links/scenario';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { json } from '../http/json-response';

/** Mounted at /api/deep-links: what the page at /p/<code> needs before its first paint. */
export const deepLinkPageRoutes = new Hono<AppEnv>()
  /**
   * GET /{code}/config?locale=xx → {deepLink: {state, expiresAt, linkSlug?, locale?, activeFrom?}, app}: the scenario's app config
   * (in a fixed-locale chat link's locale), its welcome filled with the user's attributes while the link is active
   * (the attributes themselves never leave the server).
   */
  .get('/:code/config', async (c) => {
    const { context } = c.var;
    const { link, state, scenario } = await findDeepLink(context, c.req.param('code'));
    if (!scenario.app.fullPage) throw new ApiError(404, 'fullpage_disabled', 'The full chat page is turned off for this app');
    const attributes = state === 'active' ? link.attributes : undefined;
    const chatLink = scenario.link && { linkSlug: scenario.link.slug, locale: scenario.link.locale };
    // A scheduled chat link's start, for the screen that says from when.
    const opensAt = state === 'not_yet_active' && scenario.link?.activeFrom ? { activeFrom: scenario.link.activeFrom } : undefined;
    const body: DeepLinkConfigResponse = {
      deepLink: { state, expiresAt: link.expiresAt, ...chatLink, ...opensAt },
      app: publicAppConfig(scenario.app, scenarioLocale(scenario, matchLocaleCode(c.req.query('locale'))), attributes),
    };
    return json(c, 200, body);
  });
