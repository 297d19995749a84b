/** The page's text in the charset its Content-Type names, else its <meta charset>, else UTF-8. */
export function decodeHtml(body: Buffer, headerCharset?: string): string {
  const label = headerCharset ?? sniffMetaCharset(body);
  try {
    return new TextDecoder(label ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

// The HTML standard looks for the declaration in the first 1024 bytes.
function sniffMetaCharset(body: Buffer): string | undefined {
  const head = body.subarray(0, 1024).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head)?.[1];
}
