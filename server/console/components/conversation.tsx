import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AgentPreviewEvent, AgentSessionSummary } from '../../agent-wire';
import type { Message, Session } from '../../../src/api/wire';
import { describeError } from '../api/api-error';
import type { AgentClient } from '../api/agent-client';
import { createTypingNotifier } from '../compose/typing-notifier';
import { useConversation } from '../hooks/use-conversation';
import { useOutbox } from '../hooks/use-outbox';
import { visitorLabel } from '../text/visitor-label';
import { CloseConversation } from './close-conversation';
import { LinkForm } from './link-form';
import { OutboxList } from './outbox-list';
import { ReplyBox } from './reply-box';
import { Transcript } from './transcript';
import { VisitorPanel } from './visitor-panel';

interface Props {
  client: AgentClient;
  appId: string;
  summary: AgentSessionSummary;
  agentName: string;
  onBack(): void;
  onClosed(session: Session): void;
  onPreview(listener: (event: AgentPreviewEvent) => void): () => void;
}

export function Conversation({ client, appId, summary, agentName, onBack, onClosed, onPreview }: Props) {
  const sessionId = summary.id;
  const conversation = useConversation(client, appId, sessionId, summary.lastSeq);
  const outbox = useOutbox(client, appId, sessionId, agentName, (m) => conversation.addMessages([m]));
  const heading = useRef<HTMLHeadingElement>(null);
  const name = useRef(agentName);
  name.current = agentName;

  const typing = useMemo(
    () =>
      createTypingNotifier((isTyping) => {
        const authorName = name.current.trim() || undefined;
        client.postTyping(appId, sessionId, { typing: isTyping, authorName }).catch(() => undefined);
      }),
    [client, appId, sessionId],
  );
  useEffect(() => () => typing.stop(), [typing]);
  useLayoutEffect(() => heading.current?.focus(), []);
  const { applyPreview, addMessages } = conversation;
  useEffect(() => onPreview((event) => event.sessionId === sessionId && applyPreview(event)), [onPreview, sessionId, applyPreview]);

  const [previewError, setPreviewError] = useState<string | null>(null);
  const removePreview = useCallback(
    (message: Message) => {
      setPreviewError(null);
      client.removePreview(appId, sessionId, message.id).then(
        (answer) => addMessages([answer.message]),
        (error: unknown) => setPreviewError(describeError(error)),
      );
    },
    [client, appId, sessionId, addMessages],
  );
  const previewLookup = useCallback(
    async (url: string, signal: AbortSignal) => (await client.previewLink(appId, url, signal)).preview,
    [client, appId],
  );

  const open = summary.status === 'open';

  return (
    <section class="conversation" aria-labelledby="conversation-heading">
      <div class="conversation__bar">
        <button type="button" class="button conversation__back" onClick={onBack}>
          Back to conversations
        </button>
        <h2 id="conversation-heading" ref={heading} tabIndex={-1}>
          <bdi>{visitorLabel(summary.visitor)}</bdi>
          {!open && <span class="badge badge--closed">Closed</span>}
        </h2>
        {open && <CloseConversation close={async () => (await client.closeSession(appId, sessionId)).session} onClosed={onClosed} />}
      </div>
      {conversation.loadError && (
        <div class="notice notice--error" role="alert">
          <p>This conversation could not be loaded. {conversation.loadError}</p>
          <button type="button" class="button" onClick={conversation.retry}>
            Try again
          </button>
        </div>
      )}
      <div class="conversation__body">
        <div class="conversation__main">
          <Transcript
            transcript={conversation.transcript}
            loaded={conversation.detail !== null}
            loadingEarlier={conversation.loadingEarlier}
            onLoadEarlier={conversation.loadEarlier}
            onRemovePreview={removePreview}
          />
          {previewError && <p class="notice notice--error" role="alert">The preview could not be removed: {previewError}</p>}
          {conversation.liveError && <p class="notice notice--error">Updates delayed: {conversation.liveError}</p>}
          <OutboxList items={outbox.items} onRetry={outbox.retry} onDiscard={outbox.discard} />
          {open ? (
            <div class="composer">
              <ReplyBox
                notice={outbox.notice}
                previewLookup={previewLookup}
                onTyping={typing.input}
                onSend={(text) => {
                  typing.stop();
                  outbox.send({ kind: 'text', text });
                }}
              />
              <LinkForm onSend={(link) => outbox.send({ kind: 'link', link })} />
            </div>
          ) : (
            <p class="conversation__closed">This conversation is closed; replies are no longer possible.</p>
          )}
        </div>
        {conversation.detail && <VisitorPanel visitor={conversation.detail.visitor} />}
      </div>
    </section>
  );
}
