// An app's conversations, kept live: the list call, then the app event stream; after every reconnection the
// list is fetched again, since events sent while disconnected are not replayed.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AgentPreviewEvent, AgentSessionSummary } from '../../agent-wire';
import type { Session } from '../../../src/api/wire';
import type { AgentClient } from '../api/agent-client';
import { ApiError, describeError } from '../api/api-error';
import { connectEventStream, type StreamStatus } from '../api/event-stream';
import { parsePreviewEvent, parseSessionEvent } from '../api/session-event';
import { applySession, mergeSummaries } from '../state/session-list';

export interface AppSessions {
  sessions: AgentSessionSummary[];
  loaded: boolean;
  loadError: string | null;
  streamStatus: StreamStatus;
  /** More (older) conversations exist on the server. */
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
  sessionChanged(session: Session): void;
  /** Previews added or removed live; the open conversation listens for its own. Returns the unsubscribe. */
  onPreview(listener: (event: AgentPreviewEvent) => void): () => void;
}

export function useAppSessions(client: AgentClient, appId: string): AppSessions {
  const [sessions, setSessions] = useState<AgentSessionSummary[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [streamStatus, setStreamStatus] = useState<StreamStatus>('connecting');
  const [reloads, setReloads] = useState(0);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const previewListeners = useRef(new Set<(event: AgentPreviewEvent) => void>());

  useEffect(() => {
    let active = true;
    async function load(): Promise<void> {
      try {
        const answer = await client.listSessions(appId, 'all');
        if (!active) return;
        setSessions((current) => mergeSummaries(current, answer.sessions));
        // A reload after a reconnection brings the newest page; the place reached further down stays.
        setCursor((current) => current ?? answer.nextCursor);
        setLoaded(true);
        setLoadError(null);
      } catch (error) {
        if (active && !(error instanceof ApiError && error.status === 401)) setLoadError(describeError(error));
      }
    }
    void load();
    const stream = connectEventStream({
      open: (signal) => client.openAppEvents(appId, signal),
      onEvent: (event) => {
        if (event.event === 'preview') {
          const update = parsePreviewEvent(event.data);
          if (update) for (const listener of previewListeners.current) listener(update);
          return;
        }
        if (event.event !== 'session') return;
        const summary = parseSessionEvent(event.data);
        if (summary && summary.appId === appId) setSessions((current) => mergeSummaries(current, [summary]));
      },
      onConnected: (again) => {
        if (again) void load();
      },
      onStatus: (status) => {
        if (active) setStreamStatus(status);
      },
    });
    return () => {
      active = false;
      stream.close();
    };
  }, [client, appId, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const loadMore = useCallback(() => {
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    client.listSessions(appId, 'all', cursor).then(
      (answer) => {
        setSessions((current) => mergeSummaries(current, answer.sessions));
        setCursor(answer.nextCursor);
        setLoadingMore(false);
      },
      (error) => {
        setLoadingMore(false);
        if (!(error instanceof ApiError && error.status === 401)) setLoadError(describeError(error));
      },
    );
  }, [client, appId, cursor, loadingMore]);
  const sessionChanged = useCallback((session: Session) => setSessions((current) => applySession(current, session)), []);

  const onPreview = useCallback((listener: (event: AgentPreviewEvent) => void) => {
    previewListeners.current.add(listener);
    return () => void previewListeners.current.delete(listener);
  }, []);

  return { sessions, loaded, loadError, streamStatus, hasMore: cursor !== undefined, loadMore, reload, sessionChanged, onPreview };
}
