import type { LinkPreview } from '../../../src/api/wire';
import { readLinkPreview } from '../../../src/api/wire-guards';
import { safeHttpUrl } from '../../../src/link/safe-url';
import { ExternalLink } from './external-link';

/** The link preview the visitor sees under a message; its image comes from this server, never from the site. */
export function PreviewCard({ preview: raw }: { preview: LinkPreview | undefined }) {
  const preview = readLinkPreview(raw);
  const href = safeHttpUrl(preview?.url);
  if (!preview || !href) return null;
  return (
    <div class="link-card link-card--preview" aria-label="Link preview" role="group">
      {preview.image && (
        <img class="link-card__image" src={`/api/previews/${preview.image.id}`} alt="" width={preview.image.width} height={preview.image.height} loading="lazy" />
      )}
      {preview.siteName && <p class="link-card__host">{preview.siteName}</p>}
      <p class="link-card__title">
        <ExternalLink href={href}>{preview.title}</ExternalLink>
      </p>
      {preview.description && <p class="link-card__description">{preview.description}</p>}
    </div>
  );
}
