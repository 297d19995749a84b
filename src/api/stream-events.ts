import type { StreamEvent } from './wire';
import type { SseEvent } from './sse-parser';
import { isCount, isMessage, isSession, readLinkPreview } from './wire-guards';

const MAX_HEARTBEAT_MS = 3_600_000;

/** A raw SSE event as a typed stream event, or null for anything unknown or malformed (skipped, never thrown). */
export function parseStreamEvent(raw: SseEvent): StreamEvent | null {
  let data: unknown;
  try {
    data = JSON.parse(raw.data);
  } catch {
    return null;
  }
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  switch (raw.event) {
    case 'message':
      return isMessage(data) ? { type: 'message', data } : null;
    case 'session':
      return isSession(data) ? { type: 'session', data } : null;
    case 'typing':
      return typeof record.typing === 'boolean'
        ? { type: 'typing', data: { role: 'agent', typing: record.typing, ...(typeof record.name === 'string' ? { name: record.name } : {}) } }
        : null;
    case 'ready':
      return isCount(record.lastSeq) && isCount(record.heartbeatMs) && record.heartbeatMs > 0 && record.heartbeatMs <= MAX_HEARTBEAT_MS
        ? { type: 'ready', data: { lastSeq: record.lastSeq, heartbeatMs: record.heartbeatMs } }
        : null;
    case 'preview': {
      const preview = record.preview === undefined ? undefined : readLinkPreview(record.preview);
      if (typeof record.messageId !== 'string' || !isCount(record.seq) || (record.preview !== undefined && !preview)) return null;
      return { type: 'preview', data: { messageId: record.messageId, seq: record.seq, ...(preview ? { preview } : {}) } };
    }
    default:
      return null;
  }
}
