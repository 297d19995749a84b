import type { AppConfig, Visitor } from '../../api/wire';
import { safeImageSource } from '../../link/safe-url';
import { useT } from '../../i18n/use-t';
import { Avatar } from '../avatar';
import { MenuButton } from './menu-button';
import type { ChatMenuProps } from '../chat-menu';
import './style.css';

interface Props {
  config: AppConfig;
  visitor?: Visitor;
  menu: Omit<ChatMenuProps, 'onDone'>;
  /** Only inside the embed loader's frame: hands the visitor back to the host page. */
  onClose?: () => void;
}

const HEADER_FACES = 3;

/** One row, about 56 px: brand, the team's faces and reply time (or who is signed in), one menu button. */
export function ChatHeader({ config, visitor, menu, onClose }: Props) {
  const { t } = useT();
  const logo = safeImageSource(config.branding.logoUrl);
  const team = (config.team ?? []).slice(0, HEADER_FACES);
  const subtitle = visitor?.verified ? (
    <span class="chat-header__verified">{visitor.displayName ? `${t('header.verified')} · ${visitor.displayName}` : t('header.verified')}</span>
  ) : (
    config.branding.replyTime
  );
  return (
    <header class="chat-header">
      {logo && (
        <span class="chat-header__logo">
          <img src={logo} alt={t('header.logoAlt', { name: config.name })} width={24} height={24} referrerpolicy="no-referrer" fetchpriority="low" />
        </span>
      )}
      <div class="chat-header__titles">
        <h1 class="chat-header__title">{config.branding.title}</h1>
        {subtitle && <p class="chat-header__subtitle">{subtitle}</p>}
      </div>
      {team.length > 0 && (
        <span class="chat-header__team" aria-hidden="true">
          {team.map((member) => (
            <Avatar key={member.name} name={member.name} url={member.avatarUrl} />
          ))}
        </span>
      )}
      <MenuButton menu={menu} />
      {onClose && (
        <button type="button" class="chat-header__icon-button" onClick={onClose} aria-label={t('header.close')}>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
            <path fill="currentColor" d="M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7l-1.4-1.4L9.2 12 2.9 5.7l1.4-1.4 6.3 6.3 6.3-6.3z" />
          </svg>
        </button>
      )}
    </header>
  );
}
