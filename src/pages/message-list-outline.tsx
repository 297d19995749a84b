import type { ComponentChildren } from 'preact';
import { useT } from '../i18n/use-t';
import '../components/message-list/style.css';

/**
 * The message list as the first screen shows it (the opening, no message yet) while the list's own code downloads:
 * MessageList's elements and classes with nothing in them, so nothing moves when the list takes over.
 */
export function MessageListOutline({ welcome }: { welcome: ComponentChildren }) {
  const { t } = useT();
  return (
    <div class="message-list">
      <section class="message-list__scroller" tabIndex={0} aria-label={t('log.label')}>
        <div class="message-list__content">
          {welcome}
          <p class="message-list__typing" role="status" />
        </div>
      </section>
    </div>
  );
}
