import type { ActivityPosition } from '../store/session-store';

// The agents' list cursor: the last listed session's place, as opaque base64url JSON.

export function encodeListCursor(position: ActivityPosition): string {
  return Buffer.from(JSON.stringify([position.updatedAt, position.id]), 'utf8').toString('base64url');
}

/** The place, or undefined for anything this server did not issue. */
export function decodeListCursor(cursor: string): ActivityPosition | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string' && part.length <= 64)) {
      return { updatedAt: value[0], id: value[1] };
    }
  } catch {
    // not JSON
  }
  return undefined;
}
