import { LOCALE_CODES } from '../config/locale-codes';

/**
 * Words a slug may never be: the server's own top-level routes (so `/c/<slug>` never shadows or mimics one if slugs
 * are ever served at the root), common infrastructure paths, and every locale code (a slug must not read as `?lang`).
 */
const ROUTE_WORDS = [
  'api', 'direct', 'c', 'console', 'public', 'assets', 'static', 'embed', 'embed-js', 'favicon', 'index',
  'admin', 'login', 'logout', 'health', 'status', 'robots', 'sitemap', 'well-known', 'new', 'edit', 'links',
];

export const RESERVED_SLUGS: ReadonlySet<string> = new Set([...ROUTE_WORDS, ...LOCALE_CODES]);
