import type { ApiContext } from './api-context';
import { answerFailure, createApiHandler, type RequestListener } from './handle-api-request';
import { createStaticSite } from './static/static-site';
import { LINK_SLUG_PATTERN } from '../src/api/limits';
import { fixedLocaleOfSlug } from './links/link-service';

/** The whole server: /api/* to the API, everything else to the built page and console. */
export function createRequestHandler(context: ApiContext): RequestListener {
  const api = createApiHandler(context);
  const site = createStaticSite({
    distDir: context.settings.distDir,
    apps: context.apps,
    linkLocale: (slug) => (LINK_SLUG_PATTERN.test(slug) ? fixedLocaleOfSlug(context, slug) : undefined),
  });
  return async (request, response) => {
    const url = request.url ?? '';
    if (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')) return api(request, response);
    try {
      await site(request, response);
    } catch (error) {
      answerFailure(request, response, error);
    }
  };
}
