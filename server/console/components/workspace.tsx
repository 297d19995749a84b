import { useEffect, useRef, useState } from 'preact/hooks';
import type { Session } from '../../../src/api/wire';
import type { AgentClient } from '../api/agent-client';
import type { SessionFilter } from '../api/agent-paths';
import { useAppSessions } from '../hooks/use-app-sessions';
import { filterSessions } from '../state/session-list';
import { Conversation } from './conversation';
import { SessionList } from './session-list';

interface Props {
  client: AgentClient;
  appId: string;
  agentName: string;
}

type FocusTarget = { sessionId: string } | { heading: true };

/** The list of an app's conversations beside the selected one (stacked on narrow screens). */
export function Workspace({ client, appId, agentName }: Props) {
  const live = useAppSessions(client, appId);
  const [filter, setFilter] = useState<SessionFilter>('open');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // A conversation just left stays in view (even under "Open" once closed) so focus can return to it.
  const [lingeringId, setLingeringId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const listArea = useRef<HTMLDivElement>(null);

  const visible = filterSessions(live.sessions, filter, [selectedId, lingeringId]);
  const selected = live.sessions.find((s) => s.id === selectedId) ?? null;

  useEffect(() => {
    if (!focusTarget || !listArea.current) return;
    const buttons = listArea.current.querySelectorAll<HTMLElement>('[data-session-id]');
    const item =
      'sessionId' in focusTarget ? [...buttons].find((b) => b.dataset.sessionId === focusTarget.sessionId) : undefined;
    (item ?? listArea.current.querySelector<HTMLElement>('#conversations-heading'))?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  function leave(sessionId: string) {
    setSelectedId(null);
    setLingeringId(sessionId);
    setFocusTarget({ sessionId });
  }

  function closed(session: Session) {
    live.sessionChanged(session);
    setAnnouncement('Conversation closed.');
    leave(session.id);
  }

  return (
    <main id="main" class={`workspace${selected ? ' workspace--detail' : ''}`}>
      <div class="workspace__list" ref={listArea}>
        <SessionList
          sessions={visible}
          filter={filter}
          onFilter={(f) => {
            setFilter(f);
            setLingeringId(null);
          }}
          selectedId={selectedId}
          onSelect={(id) => {
            setAnnouncement('');
            setLingeringId(null);
            setSelectedId(id);
          }}
          loaded={live.loaded}
          loadError={live.loadError}
          hasMore={live.hasMore}
          onLoadMore={live.loadMore}
          onReload={live.reload}
          streamStatus={live.streamStatus}
        />
      </div>
      <div class="workspace__detail">
        {selected ? (
          <Conversation
            key={selected.id}
            client={client}
            appId={appId}
            summary={selected}
            agentName={agentName}
            onBack={() => leave(selected.id)}
            onClosed={closed}
            onPreview={live.onPreview}
          />
        ) : (
          <p class="workspace__placeholder">Select a conversation to read and reply.</p>
        )}
      </div>
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </main>
  );
}
