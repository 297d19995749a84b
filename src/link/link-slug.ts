/** The slug in a /c/<slug> chat-link path, if well-formed (LINK_SLUG_PATTERN inside the path, inlined for size). */
export const linkSlugFromPath = (pathname: string): string | undefined =>
  /^\/c\/([a-z0-9][a-z0-9-]{1,62}[a-z0-9])\/?$/.exec(pathname)?.[1];
