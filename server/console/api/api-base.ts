// Where the agent API lives: the <meta name="direct-chat:api-base"> of index.html when set at deploy time
// (absolute http(s) URL or a path), otherwise the console's own origin.
export function resolveApiBase(configured: string | null | undefined, origin: string): string {
  const value = configured?.trim();
  if (!value) return origin;
  if (value.startsWith('/') && !value.startsWith('//')) return `${origin}${value}`.replace(/\/+$/, '');
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href.replace(/\/+$/, '');
  } catch {
    // fall through to the origin
  }
  return origin;
}
