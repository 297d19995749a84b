import { useEffect } from 'preact/hooks';
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
        onLanguageChange={onLanguageChange}
        onClose={embedded ? () => tellParent('close') : undefined}
      />
      {state.identityNotice && (
        <IdentityNotice reason={state.identityNotice} onDismiss={() => controller.dismissIdentityNotice()} />
      )}
      <ConnectionBanner connection={state.connection} waitingCount={state.waitingCount} />
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
