import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { Message, TeamMember } from '../../api/wire';
import type { OutboxEntry } from '../../chat/outbox';
import { useT } from '../../i18n/use-t';
import { useTranscriptModule } from './transcript-module';
import { useStableCallback } from './use-stable-callback';
import { useStickToBottom } from './use-stick-to-bottom';
import './style.css';

interface Props {
  /** Remounts the live log for another conversation, so its history is never announced as new. */
  conversationKey: string;
  /** The opening (team, welcome, quick replies), drawn above the first message. */
  welcome: preact.ComponentChildren;
  team: TeamMember[];
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

/** Scrolled within this distance of the top, the next page of history loads by itself. */
const LOAD_EARLIER_WITHIN_PX = 400;

export function MessageList(props: Props) {
  const { t, locale } = useT();
  const onRetry = useStableCallback(props.onRetry);
  const onDiscard = useStableCallback(props.onDiscard);
  const earlierButton = useRef<HTMLButtonElement>(null);
  const earlierHadFocus = useRef(false);

  // Work that grows with the transcript is done only when its history changes (a pointer comparison tells): a live
  // message reuses the same `earlier` array, so no page of history is split or compared again.
  const previousEarlier = useRef<Message[]>([]);
  const { earlier, live } = useMemo(() => {
    const split = props.messages.findIndex((message) => message.seq >= props.logStartSeq);
    const at = split === -1 ? props.messages.length : split;
    const before = previousEarlier.current;
    const same = before.length === at && before.every((message, index) => message === props.messages[index]);
    if (!same) previousEarlier.current = props.messages.slice(0, at);
    return { earlier: previousEarlier.current, live: props.messages.slice(at) };
  }, [props.messages, props.logStartSeq]);
  // Keyed by clientId where there is one, so a confirmed message reuses its "sending" bubble: no second announcement.
  const confirmed = new Set(live.map((message) => message.clientId).filter(Boolean));
  const pending = props.pending.filter((entry) => !confirmed.has(entry.clientId));
  const Transcript = useTranscriptModule();

  const scroll = useStickToBottom({ liveCount: live.length, pendingCount: pending.length, historyCount: earlier.length });

  // The last "show earlier" takes its button away: keep the keyboard user in the conversation, not on <body>.
  useLayoutEffect(() => {
    if (props.hasEarlier) earlierHadFocus.current = document.activeElement === earlierButton.current;
    else if (earlierHadFocus.current) {
      earlierHadFocus.current = false;
      scroll.scroller.current?.focus();
    }
  });

  const loadEarlier = () => {
    if (props.loadingEarlier || !props.hasEarlier) return;
    scroll.keepPlaceWhileLoadingEarlier();
    props.onLoadEarlier();
  };

  return (
    <div class="message-list">
      <section
        class="message-list__scroller"
        ref={scroll.scroller}
        onScroll={() => {
          // Scrolling up near the top loads the next page by itself; the button stays for keyboard and screen readers.
          if (scroll.onScroll() === 'up' && scroll.scroller.current!.scrollTop < LOAD_EARLIER_WITHIN_PX) loadEarlier();
        }}
        tabIndex={0}
        aria-label={t('log.label')}
      >
        <div class="message-list__content" ref={scroll.content}>
          {props.welcome}
          {props.hasEarlier && (
            <button
              type="button"
              class="message-list__earlier-button"
              ref={earlierButton}
              onClick={loadEarlier}
              aria-disabled={props.loadingEarlier}
            >
              {props.loadingEarlier ? t('log.loadingEarlier') : t('log.loadEarlier')}
            </button>
          )}
          {Transcript && (
            <Transcript
              conversationKey={props.conversationKey}
              earlier={earlier}
              live={live}
              pending={pending}
              team={props.team}
              locale={locale}
              t={t}
              onRetry={onRetry}
              onDiscard={onDiscard}
            />
          )}
          <p class="message-list__typing" role="status">
            {props.agentTyping
              ? props.agentTyping.name
                ? t('log.typing', { name: props.agentTyping.name })
                : t('log.typingAnonymous')
              : ''}
          </p>
        </div>
      </section>
      {scroll.unseen > 0 && (
        <button type="button" class="message-list__new-pill" onClick={scroll.toBottom}>
          {t('log.newMessages')}
          <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
            <path fill="currentColor" d="M11 4h2v12l5.5-5.5 1.4 1.4L12 19.8l-7.9-7.9 1.4-1.4L11 16z" />
          </svg>
        </button>
      )}
    </div>
  );
}
