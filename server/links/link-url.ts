/** A chat link's public address: short, so it fits a QR code, a tweet or a printed card. */
export function chatLinkUrl(origin: string, slug: string): string {
  return `${origin.replace(/\/+$/, '')}/c/${slug}`;
}
