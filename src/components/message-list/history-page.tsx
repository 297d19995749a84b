import type { TFunction } from 'i18next';
import type { LocaleCode, Message, TeamMember } from '../../api/wire';
import { bubbleLayout } from '../../chat/bubble-layout';
import { MessageBubble } from '../message-bubble';
import { memoized } from '../memoized';
import { avatarOf, factsOf } from './bubble-facts';

export interface HistoryPageProps {
  messages: Message[];
  /** The neighbours just outside this page, for grouping across its edges. */
  before?: Message;
  after?: Message;
  team: TeamMember[];
  locale: LocaleCode;
  t: TFunction;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

function Page({ messages, before, after, team, locale, t, onRetry, onDiscard }: HistoryPageProps) {
  return (
    <ol class="message-list__items message-list__history-page">
      {messages.map((message, index) => {
        const previous = index === 0 ? before : messages[index - 1];
        const next = index === messages.length - 1 ? after : messages[index + 1];
        const layout = bubbleLayout(previous && factsOf(previous), factsOf(message), next && factsOf(next));
        return (
          <MessageBubble
            key={message.clientId ?? message.id}
            message={message}
            layout={layout}
            avatarUrl={avatarOf(message, team)}
            locale={locale}
            t={t}
            onRetry={onRetry}
            onDiscard={onDiscard}
          />
        );
      })}
    </ol>
  );
}

const sameMessages = (a: Message[], b: Message[]) =>
  a === b || (a.length === b.length && a.every((message, index) => message === b[index]));

/** A page of earlier messages that does no work at all while its messages and neighbours stay the same. */
export const HistoryPage = memoized<HistoryPageProps>(
  Page,
  (a, b) =>
    sameMessages(a.messages, b.messages) &&
    a.before === b.before &&
    a.after === b.after &&
    a.team === b.team &&
    a.locale === b.locale &&
    a.onRetry === b.onRetry &&
    a.onDiscard === b.onDiscard,
);
