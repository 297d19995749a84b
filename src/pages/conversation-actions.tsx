import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ChatEngine } from '../chat/chat-engine';
import { focusComposer } from '../components/composer';
import type { ConversationHistory } from '../components/conversation-history';
import { dropChatLink } from '../link/scrub-identity';

// What the page does when the visitor changes conversation. Only offered once the engine runs, which waits for the
// page's later parts, so it travels with them.

/** "New chat": the address no longer reopens the conversation a link named; the visitor writes on at once. */
export function startNewChat(engine: ChatEngine): void {
  history.replaceState(history.state, '', dropChatLink(location.href));
  engine.startNewChat();
  requestAnimationFrame(focusComposer);
}

/** An earlier conversation, opened where it was left. */
export function openConversation(engine: ChatEngine, sessionId: string): void {
  history.replaceState(history.state, '', dropChatLink(location.href));
  void engine.switchConversation(sessionId).then(() => requestAnimationFrame(focusComposer), () => undefined);
}

type History = typeof ConversationHistory;
let historyCode: History | undefined;

/**
 * "Earlier chats" while it is open: the dialog's code is its own chunk, fetched when first opened. Closed without a
 * pick, focus goes back to what opened it once the modal dialog has left the page (while it is open, the rest of the
 * page is inert); a pick moves focus to the message box instead.
 */
export function EarlierChats({ engine, currentId, onClose }: { engine: ChatEngine; currentId?: string; onClose(): void }) {
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  const [Dialog, setDialog] = useState<ComponentType<Parameters<History>[0]> | undefined>(() => historyCode);
  useEffect(() => {
    if (Dialog) return;
    void import('../components/conversation-history').then((module) => setDialog(() => (historyCode = module.ConversationHistory)));
  }, []);
  if (!Dialog) return null;
  return (
    <Dialog
      currentId={currentId}
      load={() => engine.listConversations()}
      onPick={(sessionId) => {
        onClose();
        openConversation(engine, sessionId);
      }}
      onClose={() => {
        onClose();
        requestAnimationFrame(() => opener?.focus());
      }}
    />
  );
}
