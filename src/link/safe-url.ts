/** The URL if it is an absolute http(s) URL, else undefined: nothing else is ever made a link or an image. */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An image source from config: http(s), or a path on this origin. */
export function safeImageSource(value: string | undefined): string | undefined {
  if (value && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\')) return value;
  return safeHttpUrl(value);
}
