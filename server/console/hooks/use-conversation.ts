// One conversation: the session with its visitor, the newest page of the transcript, earlier pages on request,
// and catch-up whenever the app stream reports a lastSeq beyond the newest message held.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AgentSessionDetailResponse } from '../../agent-wire';
import type { Message, PreviewEvent } from '../../../src/api/wire';
import { applyPreview as withPreview } from '../../../src/chat/transcript';
import type { AgentClient } from '../api/agent-client';
import { ApiError, describeError } from '../api/api-error';
import { EMPTY_TRANSCRIPT, mergeMessages, newestSeq, oldestSeq, type Transcript } from '../state/transcript';

export const TRANSCRIPT_PAGE_SIZE = 50;
export const CATCH_UP_RETRY_MS = 3000;

export interface Conversation {
  detail: AgentSessionDetailResponse | null;
  transcript: Transcript;
  loadError: string | null;
  liveError: string | null;
  loadingEarlier: boolean;
  loadEarlier(): void;
  addMessages(messages: Message[]): void;
  /** A preview added or removed (event: preview); a message not held yet gets it when it is read. */
  applyPreview(update: PreviewEvent): void;
  retry(): void;
}

const quiet = (error: unknown) => error instanceof ApiError && error.status === 401;

export function useConversation(
  client: AgentClient,
  appId: string,
  sessionId: string,
  knownLastSeq: number,
): Conversation {
  const [detail, setDetail] = useState<AgentSessionDetailResponse | null>(null);
  const [transcript, setTranscript] = useState<Transcript>(EMPTY_TRANSCRIPT);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [liveError, setLiveError] = useState<string | null>(null);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [ready, setReady] = useState(false);
  const [catchUpRetries, setCatchUpRetries] = useState(0);
  const newest = useRef(0);
  const alive = useRef(true);
  const catchingUp = useRef(false);
  const wanted = useRef(0);

  const addMessages = useCallback((messages: Message[]) => {
    if (!messages.length) return;
    newest.current = Math.max(newest.current, newestSeq(messages));
    setTranscript((t) => ({ ...t, messages: mergeMessages(t.messages, messages) }));
  }, []);

  useEffect(() => {
    alive.current = true;
    (async () => {
      try {
        const answer = await client.getSession(appId, sessionId);
        const lastSeq = answer.session.lastSeq;
        const page =
          lastSeq > 0
            ? await client.getMessages(appId, sessionId, { before: lastSeq + 1, limit: TRANSCRIPT_PAGE_SIZE })
            : { messages: [], hasMore: false };
        if (!alive.current) return;
        newest.current = Math.max(lastSeq, newestSeq(page.messages));
        setDetail(answer);
        setTranscript({ messages: mergeMessages([], page.messages), baselineSeq: lastSeq, hasEarlier: page.hasMore });
        setLoadError(null);
        setReady(true);
      } catch (error) {
        if (alive.current && !quiet(error)) setLoadError(describeError(error));
      }
    })();
    return () => {
      alive.current = false;
    };
  }, [client, appId, sessionId, attempt]);

  useEffect(() => {
    wanted.current = Math.max(wanted.current, knownLastSeq);
    if (!ready || catchingUp.current || wanted.current <= newest.current) return;
    catchingUp.current = true;
    (async () => {
      try {
        while (alive.current && wanted.current > newest.current) {
          const after = newest.current;
          const page = await client.getMessages(appId, sessionId, { after, limit: TRANSCRIPT_PAGE_SIZE });
          if (!alive.current) return;
          addMessages(page.messages);
          // The server said lastSeq is higher but has nothing after us: stop rather than spin.
          if (!page.messages.length) break;
        }
        setLiveError(null);
      } catch (error) {
        if (!alive.current || quiet(error)) return;
        setLiveError(describeError(error));
        setTimeout(() => alive.current && setCatchUpRetries((n) => n + 1), CATCH_UP_RETRY_MS);
      } finally {
        catchingUp.current = false;
      }
    })();
  }, [client, appId, sessionId, knownLastSeq, ready, addMessages, catchUpRetries]);

  const loadEarlier = useCallback(() => {
    if (loadingEarlier) return;
    setLoadingEarlier(true);
    (async () => {
      try {
        const before = oldestSeq(transcript.messages);
        const page = await client.getMessages(appId, sessionId, { before, limit: TRANSCRIPT_PAGE_SIZE });
        if (!alive.current) return;
        setTranscript((t) => ({ ...t, messages: mergeMessages(t.messages, page.messages), hasEarlier: page.hasMore }));
      } catch (error) {
        if (alive.current && !quiet(error)) setLiveError(describeError(error));
      } finally {
        if (alive.current) setLoadingEarlier(false);
      }
    })();
  }, [client, appId, sessionId, transcript.messages, loadingEarlier]);

  const applyPreview = useCallback((update: PreviewEvent) => {
    setTranscript((t) => {
      const messages = withPreview(t.messages, update);
      return messages === t.messages ? t : { ...t, messages };
    });
  }, []);

  const retry = useCallback(() => {
    setLoadError(null);
    setAttempt((n) => n + 1);
  }, []);

  return { detail, transcript, loadError, liveError, loadingEarlier, loadEarlier, addMessages, applyPreview, retry };
}
