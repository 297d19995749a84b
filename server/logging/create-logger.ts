import { pino, type DestinationStream, type Logger } from 'pino';

// Defence in depth: no code logs these, and should one ever be passed by mistake it is censored.
const REDACTED_PATHS = ['*.authorization', '*.token', '*.visitorToken', '*.agentToken', '*.appSecret', '*.text', '*.identity'];

/** Structured JSON logs (one object per line) to stdout, or to `destination` (tests capture it). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'direct-chat' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
