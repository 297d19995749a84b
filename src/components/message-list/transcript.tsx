import { useMemo } from 'preact/hooks';
import type { TFunction } from 'i18next';
import type { LocaleCode, Message, TeamMember } from '../../api/wire';
import type { OutboxEntry } from '../../chat/outbox';
import { bubbleLayout, type BubbleFacts } from '../../chat/bubble-layout';
import { MessageBubble } from '../message-bubble';
import { avatarOf, factsOf, PENDING_FACTS } from './bubble-facts';
import { HistoryPage } from './history-page';
import { historyPageOf, historyPages } from './history-pages';

export interface TranscriptProps {
  conversationKey: string;
  /** Earlier messages: outside the live log, never announced. */
  earlier: Message[];
  /** This visit's messages: the polite live log. */
  live: Message[];
  pending: OutboxEntry[];
  team: TeamMember[];
  locale: LocaleCode;
  t: TFunction;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

/**
 * The messages themselves: history pages, then the live log. Its own chunk, fetched just after the first paint, in
 * parallel with the transcript; the log is created together with the messages already there, so they are never
 * announced as new.
 */
export function Transcript({ conversationKey, earlier, live, pending, team, locale, t, onRetry, onDiscard }: TranscriptProps) {
  const pages = useMemo(() => historyPages(earlier), [earlier]);
  const lastEarlier = pages.at(-1)?.at(-1);
  const facts: BubbleFacts[] = [...live.map(factsOf), ...pending.map(() => PENDING_FACTS)];
  const layoutAt = (index: number) =>
    bubbleLayout(index === 0 ? lastEarlier && factsOf(lastEarlier) : facts[index - 1], facts[index]!, facts[index + 1]);
  const shared = { locale, t, onRetry, onDiscard };
  return (
    <>
      {pages.map((page, index) => (
        <HistoryPage
          // Keyed by the page's place, not its first message: the oldest page held is often partly loaded, and the
          // next "show earlier" completes it in place instead of building it again.
          key={historyPageOf(page[0]!.seq)}
          messages={page}
          before={pages[index - 1]?.at(-1)}
          after={pages[index + 1]?.[0] ?? live[0]}
          team={team}
          {...shared}
        />
      ))}
      <div role="log" aria-live="polite" aria-relevant="additions" key={conversationKey}>
        <ol class="message-list__items">
          {/* One keyed array: a bubble moving from "sending" to delivered keeps its element (and is announced once). */}
          {[
            ...live.map((message, index) => (
              <MessageBubble
                key={message.clientId ?? message.id}
                message={message}
                layout={layoutAt(index)}
                avatarUrl={avatarOf(message, team)}
                {...shared}
              />
            )),
            ...pending.map((entry, index) => (
              <MessageBubble key={entry.clientId} entry={entry} layout={layoutAt(live.length + index)} {...shared} />
            )),
          ]}
        </ol>
      </div>
    </>
  );
}
