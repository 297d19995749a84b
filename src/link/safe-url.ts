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
  // Browsers drop tabs and newlines inside URLs, so "/\t/evil.example" would be protocol-relative: refuse them all.
  if (value && value.startsWith('/') && !value.startsWith('//') && !/[\u0000-\u001f\u007f\\]/.test(value)) return value;
  return safeHttpUrl(value);
}

/** Remote images: https only, as the page's Content-Security-Policy allows (img-src 'self' https: data:). */
export function safeHttpsImage(value: string | undefined): string | undefined {
  const url = safeHttpUrl(value);
  return url?.startsWith('https:') ? url : undefined;
}
