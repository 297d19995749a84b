import type { SseStream } from './sse-stream';

/**
 * Runs a stream's reads one after another, so what it sends keeps the order the tasks were asked for. A task asked
 * for again while it is still waiting is not queued twice. A failing read (storage down) drops the stream: the
 * client reconnects and resumes from its Last-Event-ID.
 */
export function serialTasks(stream: SseStream) {
  let tail: Promise<void> = Promise.resolve();
  const waiting = new Set<string>();
  return (key: string, task: () => Promise<void>): void => {
    if (waiting.has(key)) return;
    waiting.add(key);
    tail = tail.then(async () => {
      waiting.delete(key);
      if (!stream.isOpen) return;
      try {
        await task();
      } catch {
        stream.destroy();
      }
    });
  };
}
