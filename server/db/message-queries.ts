import type { Database } from 'better-sqlite3';
import type { AuthorRole, LinkCard, LinkPreview, Message } from '../../src/api/wire';

interface MessageRow {
  id: string;
  session_id: string;
  seq: number;
  client_id: string | null;
  author_role: AuthorRole;
  author_name: string | null;
  kind: 'text' | 'link';
  text: string | null;
  link: string | null;
  preview: string | null;
  created_at: string;
}

export interface MessageWindow {
  /** Exclusive lower bound on seq. */
  after?: number;
  /** Exclusive upper bound on seq. */
  before?: number;
}

export function createMessageQueries(db: Database) {
  const insert = db.prepare(
    `INSERT INTO messages (id, session_id, seq, client_id, author_role, author_name, kind, text, link, created_at)
     VALUES (@id, @sessionId, @seq, @clientId, @role, @name, @kind, @text, @link, @createdAt)`,
  );
  const byClientId = db.prepare<[string, AuthorRole, string], MessageRow>(
    'SELECT * FROM messages WHERE session_id = ? AND author_role = ? AND client_id = ?',
  );
  const oldestFirst = db.prepare<[string, number, number, number], MessageRow>(
    'SELECT * FROM messages WHERE session_id = ? AND seq > ? AND seq < ? ORDER BY seq ASC LIMIT ?',
  );
  const newestFirst = db.prepare<[string, number, number, number], MessageRow>(
    'SELECT * FROM messages WHERE session_id = ? AND seq > ? AND seq < ? ORDER BY seq DESC LIMIT ?',
  );
  const latest = db.prepare<[string], MessageRow>('SELECT * FROM messages WHERE session_id = ? ORDER BY seq DESC LIMIT 1');
  const setPreview = db.prepare<[string | null, string, string]>('UPDATE messages SET preview = ? WHERE session_id = ? AND id = ?');
  const byId = db.prepare<[string, string], MessageRow>('SELECT * FROM messages WHERE session_id = ? AND id = ?');

  return {
    insert(sessionId: string, message: Message): void {
      insert.run({
        id: message.id,
        sessionId,
        seq: message.seq,
        clientId: message.clientId ?? null,
        role: message.author.role,
        name: message.author.name ?? null,
        kind: message.kind,
        text: message.text ?? null,
        link: message.link ? JSON.stringify(message.link) : null,
        createdAt: message.createdAt,
      });
    },
    findByClientId(sessionId: string, role: AuthorRole, clientId: string): Message | undefined {
      const row = byClientId.get(sessionId, role, clientId);
      return row && toWireMessage(row);
    },
    /** Up to `limit` messages inside the window, the oldest ones first. */
    oldest(sessionId: string, window: MessageWindow, limit: number): Message[] {
      return oldestFirst.all(sessionId, window.after ?? 0, window.before ?? Number.MAX_SAFE_INTEGER, limit).map(toWireMessage);
    },
    /** Up to `limit` messages inside the window nearest its upper end, returned in ascending order. */
    newest(sessionId: string, window: MessageWindow, limit: number): Message[] {
      return newestFirst
        .all(sessionId, window.after ?? 0, window.before ?? Number.MAX_SAFE_INTEGER, limit)
        .reverse()
        .map(toWireMessage);
    },
    /** Every message with seq > after, ascending, read lazily. */
    *iterateAfter(sessionId: string, after: number, pageSize = 200): Generator<Message> {
      let cursor = after;
      for (;;) {
        const page = oldestFirst.all(sessionId, cursor, Number.MAX_SAFE_INTEGER, pageSize);
        for (const row of page) yield toWireMessage(row);
        if (page.length < pageSize) return;
        cursor = page[page.length - 1]!.seq;
      }
    },
    latest(sessionId: string): Message | undefined {
      const row = latest.get(sessionId);
      return row && toWireMessage(row);
    },
    /** Sets or (undefined) removes a message's link preview; the message as it now is, if it exists. */
    setPreview(sessionId: string, messageId: string, preview: LinkPreview | undefined): Message | undefined {
      setPreview.run(preview ? JSON.stringify(preview) : null, sessionId, messageId);
      const row = byId.get(sessionId, messageId);
      return row && toWireMessage(row);
    },
  };
}

export type MessageQueries = ReturnType<typeof createMessageQueries>;

function toWireMessage(row: MessageRow): Message {
  const message: Message = {
    id: row.id,
    seq: row.seq,
    author: row.author_name === null ? { role: row.author_role } : { role: row.author_role, name: row.author_name },
    createdAt: row.created_at,
    kind: row.kind,
  };
  if (row.client_id !== null) message.clientId = row.client_id;
  if (row.text !== null) message.text = row.text;
  if (row.link !== null) message.link = JSON.parse(row.link) as LinkCard;
  if (row.preview !== null) message.preview = JSON.parse(row.preview) as LinkPreview;
  return message;
}
