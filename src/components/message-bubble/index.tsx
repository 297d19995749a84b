import type { Message } from '../../api/wire';
import type { OutboxEntry } from '../../chat/outbox';
import { linkify } from '../../chat/linkify';
import { useT } from '../../i18n/use-t';
import { formatTime } from '../../i18n/format-time';
import { LinkCard } from '../link-card';
import './style.css';

function MessageText({ text }: { text: string }) {
  const { t } = useT();
  return (
    <p class="bubble__text">
      {linkify(text).map((segment, index) =>
        segment.kind === 'link' ? (
          <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer">
            {segment.text}
            <span class="visually-hidden"> ({t('log.opensInNewTab')})</span>
          </a>
        ) : (
          segment.text
        ),
      )}
    </p>
  );
}

export function MessageBubble({ message }: { message: Message }) {
  const { t, locale } = useT();
  const role = message.author.role;
  const author = role === 'visitor' ? t('log.you') : message.author.name || t(role === 'agent' ? 'log.agent' : 'log.system');
  return (
    <li class={`bubble bubble--${role}`}>
      <span class="bubble__author">{author}</span>
      {message.kind === 'link' && message.link ? <LinkCard link={message.link} /> : <MessageText text={message.text ?? ''} />}
      <time class="bubble__time" dateTime={message.createdAt}>
        {formatTime(message.createdAt, locale)}
      </time>
    </li>
  );
}

interface PendingProps {
  entry: OutboxEntry;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

export function PendingBubble({ entry, onRetry, onDiscard }: PendingProps) {
  const { t } = useT();
  const failed = entry.status === 'failed';
  return (
    <li class={`bubble bubble--visitor${failed ? ' bubble--failed' : ' bubble--sending'}`}>
      <span class="bubble__author">{t('log.you')}</span>
      <MessageText text={entry.text} />
      {failed ? (
        <div class="bubble__failure">
          <p class="bubble__status">
            {t('log.failed')}: {t(`outbox.failedReason.${entry.failReason ?? 'rejected'}`)}
          </p>
          <button type="button" onClick={() => onRetry(entry.clientId)}>
            {t('log.retry')}
          </button>
          <button type="button" onClick={() => onDiscard(entry.clientId)}>
            {t('log.delete')}
          </button>
        </div>
      ) : (
        <span class="bubble__status">{t('log.sending')}</span>
      )}
    </li>
  );
}
