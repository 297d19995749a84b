import type { LinkCard as LinkCardData } from '../../api/wire';
import { safeHttpUrl, safeHttpsImage } from '../../link/safe-url';
import { useT } from '../../i18n/use-t';
import './style.css';

/** The agent's "enhanced link": opens in a new tab, never with a non-http(s) URL, never telling the target who sent it. */
export function LinkCard({ link }: { link: LinkCardData }) {
  const { t } = useT();
  const href = safeHttpUrl(link.url);
  const image = safeHttpsImage(link.imageUrl);
  const body = (
    <>
      {image && <img class="link-card__image" src={image} alt="" loading="lazy" referrerpolicy="no-referrer" />}
      <span class="link-card__title">{link.title}</span>
      {link.description && <span class="link-card__description">{link.description}</span>}
      {href && <span class="link-card__host">{new URL(href).host}</span>}
    </>
  );
  if (!href) return <div class="link-card">{body}</div>;
  return (
    <a class="link-card" href={href} target="_blank" rel="noopener noreferrer">
      {body}
      <span class="visually-hidden"> ({t('log.opensInNewTab')})</span>
    </a>
  );
}
