import type { TFunction } from 'i18next';
import type { LocaleCode, Message } from '../../api/wire';
import type { OutboxEntry } from '../../chat/outbox';
import type { BubbleLayout } from '../../chat/bubble-layout';
import { messageDisplay } from '../../chat/message-display';
import { formatDay } from '../../i18n/format-day';
import { Avatar } from '../avatar';
import { LinkCard } from '../link-card';
import { memoized } from '../memoized';
import { LinkPreview } from '../link-preview';
import { readLinkPreview } from '../../api/wire-guards';
import './style.css';

export interface BubbleProps {
  /** A delivered message, or else an outbox entry still being sent (or failed). */
  message?: Message;
  entry?: OutboxEntry;
  layout: BubbleLayout;
  avatarUrl?: string;
  locale: LocaleCode;
  t: TFunction;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

function MessageText({ message, text, locale, t }: { message?: Message; text: string; locale: LocaleCode; t: TFunction }) {
  const segments = message ? messageDisplay(message, locale).segments : [{ kind: 'text' as const, text }];
  return (
    <p class="bubble__text">
      {segments.map((segment, index) =>
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

/**
 * One message from "sending" to delivered: the same element throughout, with every part present from the start, so
 * a polite live region announces it once. In a run by one author, the name and face show on the first bubble and the
 * time under the last; a date separator comes first where the day changes. Re-renders only when its props change.
 */
function Bubble({ message, entry, layout, avatarUrl, locale, t, onRetry, onDiscard }: BubbleProps) {
  const role = message?.author.role ?? 'visitor';
  const name = role === 'visitor' ? t('log.you') : message?.author.name || t(role === 'agent' ? 'log.agent' : 'log.system');
  const failed = entry?.status === 'failed';
  const preview = message?.kind === 'text' ? readLinkPreview(message.preview) : undefined;
  const state = entry ? (failed ? ' bubble-row--failed' : ' bubble-row--sending') : '';
  const run = `${layout.startsRun ? ' bubble-row--starts-run' : ''}${layout.endsRun ? ' bubble-row--ends-run' : ''}`;
  const time = message && layout.endsRun ? messageDisplay(message, locale).time : '';
  return (
    <li class={`bubble-row bubble-row--${role}${run}${state}`}>
      {layout.startsDay && message && (
        <div class="day-separator">
          <span>{formatDay(message.createdAt, locale)}</span>
        </div>
      )}
      {layout.startsRun &&
        (role === 'agent' ? (
          <span class="bubble-row__author">
            <Avatar name={name} url={avatarUrl} />
            {name}
          </span>
        ) : (
          <span class="visually-hidden">{name}:</span>
        ))}
      <div class={message?.kind === 'link' ? 'bubble bubble--card' : 'bubble'}>
        {message?.kind === 'link' && message.link ? (
          <LinkCard link={message.link} />
        ) : (
          <MessageText message={message} text={entry?.text ?? ''} locale={locale} t={t} />
        )}
        {preview && <LinkPreview preview={preview} />}
      </div>
      <time class="bubble-row__meta" dateTime={message?.createdAt}>
        {time}
      </time>
      <span class="bubble-row__meta">{entry && !failed ? t('log.sending') : ''}</span>
      {entry && failed && (
        <div class="bubble-row__failure">
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

const sameLayout = (a: BubbleLayout, b: BubbleLayout) => a.startsDay === b.startsDay && a.startsRun === b.startsRun && a.endsRun === b.endsRun;

export const MessageBubble = memoized<BubbleProps>(
  Bubble,
  (a, b) =>
    a.message === b.message &&
    a.entry === b.entry &&
    sameLayout(a.layout, b.layout) &&
    a.avatarUrl === b.avatarUrl &&
    a.locale === b.locale &&
    a.onRetry === b.onRetry &&
    a.onDiscard === b.onDiscard,
);
