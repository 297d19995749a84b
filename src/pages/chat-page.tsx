import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { AppConfig, LocaleCode } from '../api/wire';
import type { ChatController } from '../chat/chat-controller';
import { useChatState } from '../chat/use-chat-state';
import { watchConnectivity } from '../dom/watch-connectivity';
import { isEmbedded, tellParent } from '../embed/parent-bridge';
import { dropChatLink } from '../link/scrub-identity';
import { useT } from '../i18n/use-t';
import { ChatHeader } from '../components/chat-header';
import { IdentityNotice } from '../components/identity-notice';
import { ConnectionBanner } from '../components/connection-banner';
import { MessageList } from '../components/message-list';
import { SessionClosed } from '../components/session-closed';
import { COMPOSER_ID, Composer } from '../components/composer';
import { ErrorScreen } from '../components/error-screen';
import type { ConversationHistory } from '../components/conversation-history';

type HistoryProps = Parameters<typeof ConversationHistory>[0];

interface Props {
  controller: ChatController;
  config: AppConfig;
  locales: readonly LocaleCode[];
  onLanguageChange(locale: LocaleCode): void;
  onRestart(): void;
}

function focusComposer(): void {
  document.getElementById(COMPOSER_ID)?.focus();
}

export function ChatPage({ controller, config, locales, onLanguageChange, onRestart }: Props) {
  const { t } = useT();
  const state = useChatState(controller);

  useEffect(() => {
    void controller.start();
    const unwatch = watchConnectivity(controller);
    return () => {
      unwatch();
      controller.dispose();
    };
  }, [controller]);

  const embedded = isEmbedded();
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
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') tellParent('close');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [embedded]);

  const startNew = () => {
    history.replaceState(history.state, '', dropChatLink(location.href));
    controller.startNewChat();
    requestAnimationFrame(focusComposer);
  };

  if (state.phase === 'failed') {
    if (state.failure === 'session_not_found') {
      return <ErrorScreen kind="session_not_found" action={{ label: t('errors.startNew'), onClick: startNew }} />;
    }
    if (state.failure === 'link_limit_reached') {
      // A participant at the limit has started a conversation already (as this device or as this customer).
      const openLatest = () =>
        void controller.listConversations().then(([latest]) => latest && pickConversation(latest.id), () => undefined);
      return <ErrorScreen kind="link_limit_reached" action={{ label: t('errors.openConversation'), onClick: openLatest }} />;
    }
    const kind = state.failure ?? 'server';
    const retry = kind === 'server' ? { label: t('errors.tryAgain'), onClick: onRestart } : undefined;
    return <ErrorScreen kind={kind} action={retry} />;
  }

  const closed = state.session?.status === 'closed';
  return (
    <div class="chat">
      <a class="skip-link" href={`#${COMPOSER_ID}`}>
        {t('page.skipToComposer')}
      </a>
      <ChatHeader
        config={config}
        locales={locales}
        visitor={state.visitor}
        canStartNew={state.session !== undefined}
        onStartNew={startNew}
        onShowHistory={state.visitor ? showHistory : undefined}
        onLanguageChange={onLanguageChange}
        onClose={embedded ? () => tellParent('close') : undefined}
      />
      {state.identityNotice && (
        <IdentityNotice reason={state.identityNotice} onDismiss={() => controller.dismissIdentityNotice()} />
      )}
      <ConnectionBanner connection={state.connection} waitingCount={state.waitingCount} />
      {historyOpen && History && (
        <History
          currentId={state.session?.id}
          load={() => controller.listConversations()}
          onPick={pickConversation}
          onClose={closeHistory}
        />
      )}
      <main class="chat__main">
        <MessageList
          conversationKey={state.session?.id ?? 'new'}
          welcome={config.branding.welcome}
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
        {closed && <SessionClosed onStartNew={startNew} />}
        <Composer
          initialDraft={controller.loadDraft()}
          disabled={closed}
          onDraftChange={(text) => controller.saveDraft(text)}
          onSend={(text) => controller.send(text)}
        />
      </main>
    </div>
  );
}
