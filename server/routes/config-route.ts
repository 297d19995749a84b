import { publicAppConfig } from '../config/public-app-config';
import { matchLocaleCode } from '../config/locale-codes';
import { ApiError } from '../http/api-error';
import { sendJson } from '../http/send-json';
import { requireApp } from './route-lookups';
import type { RouteHandler } from './route-types';

/** GET /api/apps/{appId}/config?locale=xx: an unknown locale falls back to the app's default, never an error. */
export const getAppConfig: RouteHandler = ({ context, response, params, query }) => {
  const app = requireApp(context, params.appId);
  if (!app.fullPage) throw new ApiError(404, 'fullpage_disabled', 'The full chat page is turned off for this app');
  sendJson(response, 200, publicAppConfig(app, matchLocaleCode(query.get('locale'))));
};
