/** What a page says about itself, cleaned for display: plain text, bounded, http(s) URLs only. */
export interface PagePreview {
  /** The URL as it appeared in the message (what the card links to), not where redirects ended. */
  url: string;
  title: string;
  description?: string;
  siteName?: string;
  /** The remote image the page names; the server fetches and re-encodes it, browsers never load it. */
  imageUrl?: string;
}

/** Code points kept of each text field. */
export const PREVIEW_TEXT_LIMITS = { title: 200, description: 300, siteName: 80 } as const;
export const MAX_PREVIEW_URL_LENGTH = 2048;
