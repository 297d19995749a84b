import type { ChatLinkState, LinkLocale } from '../../../src/api/wire';
import { languageName } from '../text/language-names';

export const LINK_STATE_LABELS: Record<ChatLinkState, string> = {
  active: 'Active',
  not_yet_active: 'Scheduled',
  expired: 'Expired',
  disabled: 'Disabled',
};

export function linkLocaleLabel(locale: LinkLocale): string {
  return locale === '*' ? 'All languages' : languageName(locale);
}
