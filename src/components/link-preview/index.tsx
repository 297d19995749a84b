import { useContext } from 'preact/hooks';
import type { LinkPreview as LinkPreviewData } from '../../api/wire';
import { BootContext } from '../../boot/boot-context';
import { useT } from '../../i18n/use-t';
import { safeHttpUrl } from '../../link/safe-url';
import '../link-card/style.css';
import './style.css';

/**
 * The server's preview of a link in a message, inside that message's bubble (so it is read as part of it). The
 * image comes from the chat's own API origin, never from the third-party site; every remote string is text.
 */
export function LinkPreview({ preview }: { preview: LinkPreviewData }) {
  const { t } = useT();
  const apiBase = useContext(BootContext)?.apiBase;
  const href = safeHttpUrl(preview.url);
  if (!href) return null;
  const image = preview.image && apiBase ? preview.image : undefined;
  return (
    <a class="link-card link-preview" href={href} target="_blank" rel="noopener noreferrer">
      <span class="visually-hidden">{`${t('log.linkPreview')}: `}</span>
      {image && (
        <img
          class="link-card__image link-preview__image"
          src={`${apiBase}/previews/${image.id}`}
          alt=""
          width={image.width}
          height={image.height}
          loading="lazy"
        />
      )}
      {preview.siteName && <span class="link-preview__site">{preview.siteName}</span>}
      <span class="link-preview__title">{preview.title}</span>
      {preview.description && <span class="link-card__description">{preview.description}</span>}
      <span class="link-card__host">{new URL(href).host}</span>
      <span class="visually-hidden"> ({t('log.opensInNewTab')})</span>
    </a>
  );
}
