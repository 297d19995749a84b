import type { ReadyEvent } from '../../src/api/wire';
import type { ApiContext } from '../api-context';
import { serialTasks } from '../sse/serial-tasks';
import type { SseStream } from '../sse/sse-stream';
import type { SessionRecord } from '../store/records';
import { previewEvent } from './preview-event';
import { toWireSession } from './wire-session';

/** Messages replayed after Last-Event-ID on one connection; a client further behind reads the rest with GET .../messages. */
export const MAX_REPLAYED_MESSAGES = 500;
const PAGE_SIZE = 50;

/**
 * A visitor's event stream on any instance: `ready` first, then up to MAX_REPLAYED_MESSAGES messages after
 * Last-Event-ID, then live events. It subscribes before it reads, and every message it sends is read from the
 * database after the last one it sent, so wake-ups that arrive early, late, twice or out of order still give each
 * message once, in seq order. `ready.lastSeq` is the session's real last seq: a client that got less (a capped
 * backlog, or a Last-Event-ID ahead of the session) sees how far behind it is and catches up.
 */
export function followSession(context: ApiContext, session: SessionRecord, lastEventId: number | undefined, stream: SseStream): void {
  const { store } = context;
  const run = serialTasks(stream);
  let cursor = session.lastSeq;

  const readPage = (after: number, size: number) => store.messages.oldest(session.id, { after }, size);
  // A wake-up's first page may wait a turn to share its query with other streams' (batched on PostgreSQL); the
  // pages after it, and a replay's, are read at once, so a stalled reader's backlog meets the stream's cut-off.
  const readWokenPage = (after: number, size: number) => store.messages.catchUp(session.id, after, size);

  async function sendAfterCursor(limit = Number.POSITIVE_INFINITY, readFirstPage = readPage): Promise<number> {
    let sent = 0;
    let read = readFirstPage;
    while (sent < limit) {
      const page = await read(cursor, Math.min(PAGE_SIZE, limit - sent));
      read = readPage;
      for (const message of page) {
        if (!stream.isOpen) return sent;
        stream.send({ event: 'message', id: message.seq, data: message });
        cursor = message.seq;
        sent++;
      }
      if (page.length < PAGE_SIZE) break;
    }
    return sent;
  }
  const catchUp = () => run('messages', async () => void (await sendAfterCursor(Number.POSITIVE_INFINITY, readWokenPage)));
  // A message not sent yet carries its preview when it goes; one already sent gets the preview as an update.
  const sendPreview = (messageId: string) =>
    run(`preview:${messageId}`, async () => {
      const message = await store.messages.findById(session.id, messageId);
      if (message && message.seq <= cursor) stream.send({ event: 'preview', data: previewEvent(message) });
    });

  stream.onClose(
    context.bus.subscribe({ sessionId: session.id }, (event) => {
      if (event.kind === 'typing') stream.send({ event: 'typing', data: event.typing });
      else if (event.kind === 'preview') sendPreview(event.messageId);
      else if (event.kind === 'message' && event.message && event.seq === cursor + 1 && run.idle()) {
        // Written by this instance and the very next one: no need to read it back.
        stream.send({ event: 'message', id: event.seq, data: event.message });
        cursor = event.seq;
      } else if (event.kind === 'resync' || (event.kind === 'message' && event.seq > cursor)) catchUp();
      else if (event.kind === 'session') {
        catchUp();
        run('session', async () => {
          const current = await store.sessions.findInApp(session.appId, session.id);
          if (current) stream.send({ event: 'session', data: toWireSession(current) });
        });
      }
    }),
  );

  const ready: ReadyEvent = { lastSeq: session.lastSeq, heartbeatMs: context.settings.heartbeatMs };
  stream.send({ event: 'ready', data: ready });
  if (lastEventId !== undefined && lastEventId < session.lastSeq) {
    run('replay', async () => {
      cursor = lastEventId;
      const replayed = await sendAfterCursor(MAX_REPLAYED_MESSAGES);
      // Capped: the messages between are left to GET .../messages; live ones continue after what ready announced.
      if (replayed === MAX_REPLAYED_MESSAGES) cursor = Math.max(cursor, session.lastSeq);
    });
  }
  // Whatever committed between reading the session and subscribing.
  catchUp();
}
