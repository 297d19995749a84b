import type { PublicChatLink } from '../../api/wire';
import { formatMoment } from '../../i18n/format-moment';
import { resolvedLocale } from '../../i18n/setup-i18n';
import { useT } from '../../i18n/use-t';
import { ErrorScreen } from '../error-screen';

interface Props {
  link: PublicChatLink;
  onCheckAgain(): void;
}

/** A chat link that cannot open a chat now: when it opens (in the visitor's language and time zone), or why not. */
export function LinkStateScreen({ link, onCheckAgain }: Props) {
  const { t, i18n } = useT();
  if (link.state === 'not_yet_active') {
    const when = link.activeFrom ? formatMoment(link.activeFrom, resolvedLocale(i18n)) : '';
    return <ErrorScreen kind="link_not_yet_active" values={{ when }} action={{ label: t('errors.checkAgain'), onClick: onCheckAgain }} />;
  }
  return <ErrorScreen kind={link.state === 'expired' ? 'link_expired' : 'link_disabled'} />;
}
