import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentType, VNode } from 'preact';
import type { AppConfig, LocaleCode } from '../api/wire';
import type { ChatEngine } from '../chat/chat-engine';
import type { ChatFailure } from '../chat/chat-state';
import { useChatState } from '../chat/use-chat-state';
import { isEmbedded, tellParent } from '../embed/parent-bridge';
import { dropChatLink } from '../link/scrub-identity';
import { useT } from '../i18n/use-t';
import { ChatHeader } from '../components/chat-header';
import { SESSION_CLOSED_ACTION_ID } from '../components/session-closed/action-id';
import { COMPOSER_ID, Composer } from '../components/composer';
import { Welcome } from '../components/welcome';
import { truthfulIdentityNotice } from '../chat/identity-notice';
import { ErrorScreen } from '../components/error-screen';
import type { ConversationHistory } from '../components/conversation-history';
import { MessageListOutline } from './message-list-outline';
import { useChatPageParts } from './use-chat-page-parts';

type HistoryProps = Parameters<typeof ConversationHistory>[0];

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

function focusComposer(): void {
  document.getElementById(COMPOSER_ID)?.focus();
}

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
  // The history dialog is its own chunk, fetched on the first click.
  const [History, setHistory] = useState<ComponentType<HistoryProps> | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const historyOpener = useRef<HTMLElement | null>(null);
  const showHistory = () => {
    historyOpener.current = document.activeElement as HTMLElement | null;
    setHistoryOpen(true);
    if (!History) void import('../components/conversation-history').then((module) => setHistory(() => module.ConversationHistory));
  };
  const closeHistory = () => setHistoryOpen(false);
  // Focus goes back once the modal dialog has left the page (while it is open, the rest of the page is inert).
  useEffect(() => {
    if (historyOpen || !historyOpener.current) return;
    historyOpener.current.focus();
    historyOpener.current = null;
  }, [historyOpen]);
  const pickConversation = (sessionId: string) => {
    historyOpener.current = null;
    setHistoryOpen(false);
    history.replaceState(history.state, '', dropChatLink(location.href));
    void controller.switchConversation(sessionId).then(() => requestAnimationFrame(focusComposer), () => undefined);
  };
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

  const startNew = () => {
    history.replaceState(history.state, '', dropChatLink(location.href));
    controller.startNewChat();
    requestAnimationFrame(focusComposer);
  };

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
          onShowHistory: showHistory,
          onLanguageChange,
        }}
        onClose={embedded ? () => tellParent('close') : undefined}
      />
      {parts && identityNotice && <parts.IdentityNotice reason={identityNotice} onDismiss={() => controller.dismissIdentityNotice()} />}
      {parts && <parts.ConnectionBanner connection={state.connection} waitingCount={state.waitingCount} />}
      {historyOpen && History && (
        <History
          currentId={state.session?.id}
          load={() => controller.listConversations()}
          onPick={pickConversation}
          onClose={closeHistory}
        />
      )}
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
