import type { LinkCard as Card } from '../../../src/api/wire';
import { safeHttpUrl } from '../../../src/link/safe-url';
import { ExternalLink } from './external-link';

export function LinkCard({ link }: { link: Card }) {
  const href = safeHttpUrl(link.url);
  const image = safeHttpUrl(link.imageUrl);
  const title = link.title || href || link.url;
  return (
    <div class="link-card">
      {image && <img class="link-card__image" src={image} alt="" loading="lazy" referrerpolicy="no-referrer" />}
      <p class="link-card__title">{href ? <ExternalLink href={href}>{title}</ExternalLink> : title}</p>
      {link.description && <p class="link-card__description">{link.description}</p>}
      <p class="link-card__host">{href ? new URL(href).host : 'Link blocked: not an http(s) address'}</p>
    </div>
  );
}
