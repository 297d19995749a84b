// Messages on their way to the server. Each keeps its clientId for life, so a resend (automatic after a network
// error, or the agent's Retry) can never post the message twice.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AgentSendRequest } from '../../agent-wire';
import type { Message } from '../../../src/api/wire';
import type { AgentClient } from '../api/agent-client';
import { ApiError, describeError } from '../api/api-error';
import { newClientId } from '../../../src/chat/client-id';
import { sendWithRetry } from '../compose/send-with-retry';

export type OutgoingContent = { kind: 'text'; text: string } | { kind: 'link'; link: NonNullable<Message['link']> };

export interface OutboxItem {
  request: AgentSendRequest;
  state: 'sending' | 'retrying' | 'failed';
  error?: string;
}

export interface Outbox {
  items: OutboxItem[];
  /** The latest failure, for the composer's status line. */
  notice: string | null;
  send(content: OutgoingContent): void;
  retry(clientId: string): void;
  discard(clientId: string): void;
}

export function useOutbox(
  client: AgentClient,
  appId: string,
  sessionId: string,
  authorName: string,
  onSent: (message: Message) => void,
): Outbox {
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const update = useCallback((clientId: string, change: Partial<OutboxItem> | null) => {
    if (!alive.current) return;
    setItems((current) =>
      change === null
        ? current.filter((i) => i.request.clientId !== clientId)
        : current.map((i) => (i.request.clientId === clientId ? { ...i, ...change } : i)),
    );
  }, []);

  const deliver = useCallback(
    async (request: AgentSendRequest) => {
      const { clientId } = request;
      try {
        const { message } = await sendWithRetry(() => client.sendMessage(appId, sessionId, request), {
          onRetry: () => update(clientId, { state: 'retrying' }),
          cancelled: () => !alive.current,
        });
        if (!alive.current) return;
        update(clientId, null);
        setNotice(null);
        onSent(message);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return;
        const reason = describeError(error);
        update(clientId, { state: 'failed', error: reason });
        if (alive.current) setNotice(`Not sent: ${reason}`);
      }
    },
    [client, appId, sessionId, onSent, update],
  );

  const send = useCallback(
    (content: OutgoingContent) => {
      const name = authorName.trim();
      const request = { clientId: newClientId(), ...content, ...(name ? { authorName: name } : {}) } as AgentSendRequest;
      setItems((current) => [...current, { request, state: 'sending' }]);
      void deliver(request);
    },
    [authorName, deliver],
  );

  const retry = useCallback(
    (clientId: string) => {
      const item = items.find((i) => i.request.clientId === clientId);
      if (!item) return;
      update(clientId, { state: 'sending', error: undefined });
      void deliver(item.request);
    },
    [items, update, deliver],
  );

  const discard = useCallback((clientId: string) => update(clientId, null), [update]);

  return { items, notice, send, retry, discard };
}
