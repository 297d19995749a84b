import type { LocaleCode, PublicChatLink } from '../../api/wire';
import { toBcp47 } from '../../i18n/locales';
import { resolvedLocale } from '../../i18n/setup-i18n';
import { useT } from '../../i18n/use-t';
import { ErrorScreen } from '../error-screen';

/** Weekday, date, time and time zone: "when does this open?" (the end-to-end tests format with the same options). */
export const LINK_MOMENT_FORMAT: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** The moment in the visitor's language and time zone. */
export function formatMoment(iso: string, locale: LocaleCode): string {
  return new Intl.DateTimeFormat(toBcp47(locale), LINK_MOMENT_FORMAT).format(new Date(iso));
}

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
