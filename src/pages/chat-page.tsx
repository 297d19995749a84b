import { useEffect, useState } from 'preact/hooks';
import type { VNode } from 'preact';
import type { AppConfig, LocaleCode } from '../api/wire';
import type { ChatEngine } from '../chat/chat-engine';
import type { ChatFailure } from '../chat/chat-state';
import { useChatState } from '../chat/use-chat-state';
import { isEmbedded, tellParent } from '../embed/parent-bridge';
import { useT } from '../i18n/use-t';
import { ChatHeader } from '../components/chat-header';
import { SESSION_CLOSED_ACTION_ID } from '../components/session-closed/action-id';
import { COMPOSER_ID, Composer, focusComposer } from '../components/composer';
import { Welcome } from '../components/welcome';
import { truthfulIdentityNotice } from '../chat/identity-notice';
import { ErrorScreen } from '../components/error-screen';
import { MessageListOutline } from './message-list-outline';
import { useChatPageParts } from './use-chat-page-parts';

interface Props {
  controller: ChatEngine;
  config: AppConfig;
  locales: readonly LocaleCode[];
  onLanguageChange(locale: LocaleCode): void;
  onRestart(): void;
  /** A screen the route knows better for a failure (a chat link's limit); undefined: the usual screen. */
  failureScreen?: FailureScreen;
  /** Inside the embed loader's frame; found out from the window unless told (the server's first screen tells). */
  embedded?: boolean;
}

export type FailureScreen = (failure: ChatFailure, engine: ChatEngine, open: (sessionId: string) => void) => VNode | undefined;

const NO_TEAM: [] = [];

export function ChatPage({ controller, config, locales, onLanguageChange, onRestart, failureScreen, embedded = isEmbedded() }: Props) {
  const { t } = useT();
  const state = useChatState(controller);
  // The first screen is the header, the opening and the message box; the rest follows the first paint.
  const { parts, failed: partsFailed } = useChatPageParts();

  useEffect(() => {
    void controller.start();
    return () => controller.dispose();
  }, [controller]);

  // The tab says whose chat this is, in the visitor's language; error screens set their own.
  useEffect(() => {
    if (state.phase !== 'failed') document.title = config.branding.title;
  }, [config, state.phase]);
  const team = config.team ?? NO_TEAM;
  const [historyOpen, setHistoryOpen] = useState(false);
  useEffect(() => {
    if (!embedded) return undefined;
    // Opened from the host page's launcher: straight into the message box.
    focusComposer();
    const onKey = (event: KeyboardEvent) => {
      // A dialog or menu of the chat that handled Escape closes itself only.
      if (event.key === 'Escape' && !event.defaultPrevented) tellParent('close');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [embedded]);

  // Changing conversation is offered only once the engine runs, and it starts only once the parts are here.
  const startNew = () => parts?.startNewChat(controller);
  const pickConversation = (sessionId: string) => parts?.openConversation(controller, sessionId);

  if (partsFailed) return <ErrorScreen kind="network" action={{ label: t('errors.tryAgain'), onClick: onRestart }} />;
  if (state.phase === 'failed') {
    if (state.failure === 'session_not_found') {
      return <ErrorScreen kind="session_not_found" action={{ label: t('errors.startNew'), onClick: startNew }} />;
    }
    const kind = state.failure ?? 'server';
    const retry = kind === 'server' ? { label: t('errors.tryAgain'), onClick: onRestart } : undefined;
    return failureScreen?.(kind, controller, pickConversation) ?? <ErrorScreen kind={kind} action={retry} />;
  }

  const closed = state.session?.status === 'closed';
  const identityNotice = truthfulIdentityNotice(state.visitor, state.identityNotice);
  const isEmpty = state.messages.length === 0 && state.pending.length === 0;
  const welcome = <Welcome config={config} showQuickReplies={isEmpty && !closed && state.phase === 'ready'} onQuickReply={(text) => controller.send(text)} />;
  return (
    <div class="chat">
      <a class="skip-link" href={`#${closed ? SESSION_CLOSED_ACTION_ID : COMPOSER_ID}`}>
        {t('page.skipToComposer')}
      </a>
      <ChatHeader
        config={config}
        visitor={state.visitor}
        menu={{
          locales,
          currentSessionId: state.session?.id,
          listConversations: state.visitor ? () => controller.listConversations() : undefined,
          canStartNew: state.session !== undefined,
          onStartNew: startNew,
          onShowHistory: () => setHistoryOpen(true),
          onLanguageChange,
        }}
        onClose={embedded ? () => tellParent('close') : undefined}
      />
      {parts && identityNotice && <parts.IdentityNotice reason={identityNotice} onDismiss={() => controller.dismissIdentityNotice()} />}
      {parts && <parts.ConnectionBanner connection={state.connection} waitingCount={state.waitingCount} />}
      {historyOpen && parts && <parts.EarlierChats engine={controller} currentId={state.session?.id} onClose={() => setHistoryOpen(false)} />}
      <main class="chat__main">
        {!parts ? (
          <MessageListOutline welcome={welcome} />
        ) : (
          <parts.MessageList
            conversationKey={state.logKey}
            welcome={welcome}
            team={team}
            messages={state.messages}
            logStartSeq={state.logStartSeq}
            pending={state.pending}
            hasEarlier={state.hasEarlier}
            loadingEarlier={state.loadingEarlier}
            agentTyping={state.agentTyping}
            onLoadEarlier={() => void controller.loadEarlier()}
            onRetry={(clientId) => {
              controller.retry(clientId);
              focusComposer();
            }}
            onDiscard={(clientId) => {
              controller.discard(clientId);
              focusComposer();
            }}
          />
        )}
        {closed ? (
          parts && <parts.SessionClosed onStartNew={startNew} />
        ) : (
          <Composer
            initialDraft={controller.loadDraft()}
            onDraftChange={(text) => controller.saveDraft(text)}
            onSend={(text) => controller.send(text)}
          />
        )}
      </main>
    </div>
  );
}
