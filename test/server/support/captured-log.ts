import { Writable } from 'node:stream';

export interface CapturedLog {
  /** A pino destination. */
  stream: Writable;
  /** Everything written so far, raw. */
  text(): string;
  /** Every line, parsed. */
  lines(): Record<string, any>[];
}

/** Collects a server's JSON log lines in memory. */
export function captureLog(): CapturedLog {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const text = () => chunks.join('');
  return {
    stream,
    text,
    lines: () => text().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, any>),
  };
}
