import type { ApiContext } from '../api-context';
import { serialTasks } from '../sse/serial-tasks';
import type { SseStream } from '../sse/sse-stream';
import { agentSessionSummary } from './agent-views';

/**
 * An agent's event stream: `event: session` with the session's summary, read from the database, on every change of
 * a session in the agents' list (one whose visitor has spoken).
 */
export function followApp(context: ApiContext, appId: string, stream: SseStream): void {
  const run = serialTasks(stream);
  stream.onClose(
    context.bus.subscribe({ appId }, (event) => {
      if (event.kind !== 'message' && event.kind !== 'session') return;
      run(event.sessionId, async () => {
        const session = await context.store.sessions.findListed(appId, event.sessionId);
        if (session) stream.send({ event: 'session', data: await agentSessionSummary(context, session) });
      });
    }),
  );
}
