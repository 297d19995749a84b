import type { ApiContext } from '../api-context';
import { serialTasks } from '../sse/serial-tasks';
import type { SseStream } from '../sse/sse-stream';
import { agentSessionSummary } from './agent-views';
import { previewEvent } from './preview-event';

/**
 * An agent's event stream: `event: session` with the session's summary, read from the database, on every change of
 * a session in the agents' list (one whose visitor has spoken); `event: preview` when a message's link preview
 * arrives or is removed.
 */
export function followApp(context: ApiContext, appId: string, stream: SseStream): void {
  const run = serialTasks(stream);
  stream.onClose(
    context.bus.subscribe({ appId }, (event) => {
      if (event.kind === 'preview') {
        run(`preview:${event.messageId}`, async () => {
          const message = await context.store.messages.findById(event.sessionId, event.messageId);
          if (message) stream.send({ event: 'preview', data: { sessionId: event.sessionId, ...previewEvent(message) } });
        });
        return;
      }
      if (event.kind !== 'message' && event.kind !== 'session') return;
      run(event.sessionId, async () => {
        const session = await context.store.sessions.findInApp(appId, event.sessionId, { listed: true });
        if (session) stream.send({ event: 'session', data: await agentSessionSummary(context, session) });
      });
    }),
  );
}
