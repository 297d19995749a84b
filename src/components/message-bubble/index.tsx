import type { Message } from '../../api/wire';
import type { OutboxEntry } from '../../chat/outbox';
import { linkify } from '../../chat/linkify';
import { useT } from '../../i18n/use-t';
import { formatTime } from '../../i18n/format-time';
import { LinkCard } from '../link-card';
import { LinkPreview } from '../link-preview';
import { readLinkPreview } from '../../api/wire-guards';
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

export type BubbleItem = { kind: 'sent'; message: Message } | { kind: 'pending'; entry: OutboxEntry };

interface Props {
  item: BubbleItem;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

/**
 * One bubble for a message from "sending" to delivered: the same element throughout, with every part present from
 * the start, so a polite live region announces the message once and not again when it is confirmed.
 */
export function MessageBubble({ item, onRetry, onDiscard }: Props) {
  const { t, locale } = useT();
  const message = item.kind === 'sent' ? item.message : undefined;
  const entry = item.kind === 'pending' ? item.entry : undefined;
  const role = message?.author.role ?? 'visitor';
  const author = role === 'visitor' ? t('log.you') : message?.author.name || t(role === 'agent' ? 'log.agent' : 'log.system');
  const failed = entry?.status === 'failed';
  const preview = message?.kind === 'text' ? readLinkPreview(message.preview) : undefined;
  const state = entry ? (failed ? ' bubble--failed' : ' bubble--sending') : '';
  return (
    <li class={`bubble bubble--${role}${state}`}>
      <span class="bubble__author">{author}</span>
      {message?.kind === 'link' && message.link ? <LinkCard link={message.link} /> : <MessageText text={message?.text ?? entry?.text ?? ''} />}
      {preview && <LinkPreview preview={preview} />}
      <time class="bubble__time" dateTime={message?.createdAt}>
        {message ? formatTime(message.createdAt, locale) : ''}
      </time>
      <span class="bubble__status">{entry && !failed ? t('log.sending') : ''}</span>
      {entry && failed && (
        <div class="bubble__failure">
          <p>
            {t('log.failed')}: {t(`outbox.failedReason.${entry.failReason ?? 'rejected'}`)}
          </p>
          <button type="button" onClick={() => onRetry(entry.clientId)}>
            {t('log.retry')}
          </button>
          <button type="button" onClick={() => onDiscard(entry.clientId)}>
            {t('log.delete')}
          </button>
        </div>
      )}
    </li>
  );
}
