import type { ComponentChildren } from 'preact';

/** The only way the console links out: `href` must already have passed safeHttpUrl() (src/link/safe-url.ts). */
export function ExternalLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span class="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
