export interface StreamFrame {
  event?: string;
  id?: string;
  data?: string;
  retry?: string;
  comments: string[];
}

export interface OpenStream {
  status: number;
  headers: Headers;
  frames: StreamFrame[];
  /** Resolves with the first frame (from the start of the stream) that matches and was not taken before. */
  next(match: (frame: StreamFrame) => boolean, timeoutMs?: number): Promise<StreamFrame>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Reads a text/event-stream with fetch (so the token travels in a header, as the page does it). */
export async function openEventStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<OpenStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const frames: StreamFrame[] = [];
  const taken = new Set<StreamFrame>();
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((wake) => wake());

  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let split: number;
        while ((split = buffer.indexOf('\n\n')) !== -1) {
          frames.push(parseFrame(buffer.slice(0, split)));
          buffer = buffer.slice(split + 2);
          notify();
        }
      }
    } catch {
      // aborted by close()
    }
  })();

  return {
    status: response.status,
    headers: response.headers,
    frames,
    ended,
    close: () => controller.abort(),
    next(match, timeoutMs = 3000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const frame = frames.find((candidate) => !taken.has(candidate) && match(candidate));
          if (!frame) return false;
          taken.add(frame);
          waiters.delete(check);
          clearTimeout(timer);
          resolve(frame);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(frames)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
  };
}

function parseFrame(block: string): StreamFrame {
  const frame: StreamFrame = { comments: [] };
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      frame.comments.push(line.slice(1).trim());
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event' || field === 'id' || field === 'retry') frame[field] = value;
    else if (field === 'data') frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
  }
  return frame;
}

export const isEvent = (name: string) => (frame: StreamFrame) => frame.event === name;
export const dataOf = <T>(frame: StreamFrame): T => JSON.parse(frame.data ?? 'null') as T;
