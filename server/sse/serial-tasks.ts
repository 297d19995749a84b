import type { SseStream } from './sse-stream';

/**
 * Runs a stream's reads one after another, so what it sends keeps the order the tasks were asked for. A task asked
 * for again while it is still waiting is not queued twice. A failing read (storage down) drops the stream: the
 * client reconnects and resumes from its Last-Event-ID.
 */
export function serialTasks(stream: SseStream) {
  let tail: Promise<void> = Promise.resolve();
  const waiting = new Set<string>();
  let unfinished = 0;
  const run = (key: string, task: () => Promise<void>): void => {
    if (waiting.has(key)) return;
    waiting.add(key);
    unfinished++;
    tail = tail.then(async () => {
      waiting.delete(key);
      try {
        if (stream.isOpen) await task();
      } catch {
        stream.destroy();
      } finally {
        unfinished--;
      }
    });
  };
  /** True when no task is queued or running: something sent now cannot overtake one. */
  run.idle = () => unfinished === 0;
  return run;
}
