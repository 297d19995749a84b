import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Message } from '../../api/wire';
import type { OutboxEntry } from '../../chat/outbox';
import { useT } from '../../i18n/use-t';
import { MessageBubble, type BubbleItem } from '../message-bubble';
import './style.css';

interface Props {
  /** Remounts the live log for another conversation, so its history is never announced as new. */
  conversationKey: string;
  welcome: string;
  messages: Message[];
  logStartSeq: number;
  pending: OutboxEntry[];
  hasEarlier: boolean;
  loadingEarlier: boolean;
  agentTyping?: { name?: string };
  onLoadEarlier(): void;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

const NEAR_BOTTOM_PX = 120;

export function MessageList(props: Props) {
  const { t } = useT();
  const scroller = useRef<HTMLElement>(null);
  const stickToBottom = useRef(true);
  const earlierButton = useRef<HTMLButtonElement>(null);
  const earlierHadFocus = useRef(false);
  const earlier = props.messages.filter((message) => message.seq < props.logStartSeq);
  const live = props.messages.filter((message) => message.seq >= props.logStartSeq);
  // Keyed by clientId where there is one, so a confirmed message reuses its "sending" bubble: no second announcement.
  const confirmed = new Set(live.map((message) => message.clientId).filter(Boolean));
  const pending = props.pending.filter((entry) => !confirmed.has(entry.clientId));
  const actions = { onRetry: props.onRetry, onDiscard: props.onDiscard };
  // One keyed list, so a bubble moving from "pending" to "sent" keeps its element.
  const logItems: [string, BubbleItem][] = [
    ...live.map((message): [string, BubbleItem] => [message.clientId ?? message.id, { kind: 'sent', message }]),
    ...pending.map((entry): [string, BubbleItem] => [entry.clientId, { kind: 'pending', entry }]),
  ];

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && stickToBottom.current) element.scrollTop = element.scrollHeight;
  });

  // The last "show earlier" takes its button away: keep the keyboard user in the conversation, not on <body>.
  useLayoutEffect(() => {
    if (props.hasEarlier) earlierHadFocus.current = document.activeElement === earlierButton.current;
    else if (earlierHadFocus.current) {
      earlierHadFocus.current = false;
      scroller.current?.focus();
    }
  });

  const onScroll = () => {
    const element = scroller.current;
    if (element) stickToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
  };

  return (
    <section class="message-list" ref={scroller} onScroll={onScroll} tabIndex={0} aria-label={t('log.label')}>
      {props.welcome && <p class="message-list__welcome">{props.welcome}</p>}
      {props.hasEarlier && (
        <button
          type="button"
          class="message-list__earlier-button"
          ref={earlierButton}
          onClick={() => {
            if (props.loadingEarlier) return;
            stickToBottom.current = false;
            props.onLoadEarlier();
          }}
          aria-disabled={props.loadingEarlier}
        >
          {props.loadingEarlier ? t('log.loadingEarlier') : t('log.loadEarlier')}
        </button>
      )}
      <ol class="message-list__items">
        {earlier.map((message) => (
          <MessageBubble key={message.clientId ?? message.id} item={{ kind: 'sent', message }} {...actions} />
        ))}
      </ol>
      <div role="log" aria-live="polite" aria-relevant="additions" key={props.conversationKey}>
        <ol class="message-list__items">
          {logItems.map(([key, item]) => (
            <MessageBubble key={key} item={item} {...actions} />
          ))}
        </ol>
      </div>
      <p class="message-list__typing" role="status">
        {props.agentTyping
          ? props.agentTyping.name
            ? t('log.typing', { name: props.agentTyping.name })
            : t('log.typingAnonymous')
          : ''}
      </p>
    </section>
  );
}
