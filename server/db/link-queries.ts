import type { Database } from 'better-sqlite3';
import type { LinkLocale } from '../../src/api/wire';
import type { EngagementCounts, EngagementDay } from '../links/agent-link-wire';

export interface LinkRecord {
  id: string;
  appId: string;
  name: string;
  description: string | null;
  locale: LinkLocale;
  /** ISO 8601 UTC. */
  activeFrom: string | null;
  expiresAt: string | null;
  slug: string;
  perParticipantLimit: number | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

interface LinkRow {
  id: string;
  app_id: string;
  name: string;
  description: string | null;
  locale: string;
  active_from: string | null;
  expires_at: string | null;
  slug: string;
  per_participant_limit: number | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export type EngagementField = keyof EngagementCounts;

const fromRow = (row: LinkRow): LinkRecord => ({
  id: row.id,
  appId: row.app_id,
  name: row.name,
  description: row.description,
  locale: row.locale as LinkLocale,
  activeFrom: row.active_from,
  expiresAt: row.expires_at,
  slug: row.slug,
  perParticipantLimit: row.per_participant_limit,
  disabled: row.disabled === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const params = (link: LinkRecord) => ({
  id: link.id,
  appId: link.appId,
  name: link.name,
  description: link.description,
  locale: link.locale,
  activeFrom: link.activeFrom,
  expiresAt: link.expiresAt,
  slug: link.slug,
  limit: link.perParticipantLimit,
  disabled: link.disabled ? 1 : 0,
  createdAt: link.createdAt,
  updatedAt: link.updatedAt,
});

export function createLinkQueries(db: Database) {
  const insertLink = db.prepare(
    `INSERT INTO chat_links (id, app_id, name, description, locale, active_from, expires_at, slug, per_participant_limit,
       disabled, created_at, updated_at)
     VALUES (@id, @appId, @name, @description, @locale, @activeFrom, @expiresAt, @slug, @limit, @disabled, @createdAt, @updatedAt)`,
  );
  const updateLink = db.prepare(
    `UPDATE chat_links SET name = @name, description = @description, locale = @locale, active_from = @activeFrom,
       expires_at = @expiresAt, slug = @slug, per_participant_limit = @limit, disabled = @disabled, updated_at = @updatedAt
     WHERE id = @id`,
  );
  const claimSlug = db.prepare('INSERT OR IGNORE INTO chat_link_slugs (slug, link_id) VALUES (?, ?)');
  const slugOwner = db.prepare<[string], { link_id: string }>('SELECT link_id FROM chat_link_slugs WHERE slug = ?');
  const byId = db.prepare<[string, string], LinkRow>('SELECT * FROM chat_links WHERE app_id = ? AND id = ?');
  const bySlug = db.prepare<[string], LinkRow>(
    'SELECT l.* FROM chat_link_slugs s JOIN chat_links l ON l.id = s.link_id WHERE s.slug = ?',
  );
  const byApp = db.prepare<[string], LinkRow>('SELECT * FROM chat_links WHERE app_id = ? ORDER BY created_at DESC, rowid DESC');
  const totals = db.prepare<[string], EngagementCounts>(
    `SELECT COALESCE(SUM(opens), 0) AS opens, COALESCE(SUM(conversations), 0) AS conversations,
       COALESCE(SUM(messages), 0) AS messages FROM chat_link_days WHERE link_id = ?`,
  );
  const days = db.prepare<[string], EngagementDay>(
    'SELECT day, opens, conversations, messages FROM chat_link_days WHERE link_id = ? ORDER BY day',
  );
  const bump = Object.fromEntries(
    (['opens', 'conversations', 'messages'] as const).map((field) => [
      field,
      db.prepare<[string, string]>(
        `INSERT INTO chat_link_days (link_id, day, ${field}) VALUES (?, ?, 1)
         ON CONFLICT (link_id, day) DO UPDATE SET ${field} = ${field} + 1`,
      ),
    ]),
  ) as unknown as Record<EngagementField, { run(linkId: string, day: string): unknown }>;
  const setSessionLink = db.prepare('UPDATE sessions SET link_id = ? WHERE id = ?');
  const sessionLink = db.prepare<[string], LinkRow & { customer_id: string | null; visitor_id: string }>(
    `SELECT l.*, v.customer_id, s.visitor_id FROM sessions s JOIN chat_links l ON l.id = s.link_id
       JOIN visitors v ON v.id = s.visitor_id WHERE s.id = ?`,
  );
  const visitorMessages = db.prepare<[string], { n: number }>(
    "SELECT COUNT(*) AS n FROM messages WHERE session_id = ? AND author_role = 'visitor'",
  );
  const insertUse = db.prepare('INSERT INTO chat_link_uses (session_id, link_id, participant, used_at) VALUES (?, ?, ?, ?)');
  const uses = db.prepare<[string, string], { n: number }>(
    'SELECT COUNT(*) AS n FROM chat_link_uses WHERE link_id = ? AND participant = ?',
  );

  // IMMEDIATE: the slug check and the claim hold the write lock together, so two creators cannot both pass.
  const insertTx = db.transaction((link: LinkRecord): boolean => {
    if (slugOwner.get(link.slug)) return false;
    insertLink.run(params(link));
    claimSlug.run(link.slug, link.id);
    return true;
  });
  const updateTx = db.transaction((link: LinkRecord): boolean => {
    const owner = slugOwner.get(link.slug)?.link_id;
    if (owner !== undefined && owner !== link.id) return false;
    updateLink.run(params(link));
    if (owner === undefined) claimSlug.run(link.slug, link.id);
    return true;
  });

  return {
    /** Inserts the link and claims its slug; false (and nothing written) when the slug was ever used. */
    insert: (link: LinkRecord): boolean => insertTx.immediate(link),
    /** Saves the link; a new slug is claimed and every earlier one keeps pointing here. False: slug taken. */
    update: (link: LinkRecord): boolean => updateTx.immediate(link),
    find: (appId: string, id: string): LinkRecord | undefined => {
      const row = byId.get(appId, id);
      return row && fromRow(row);
    },
    /** By its current or any earlier slug. */
    findBySlug: (slug: string): LinkRecord | undefined => {
      const row = bySlug.get(slug);
      return row && fromRow(row);
    },
    list: (appId: string): LinkRecord[] => byApp.all(appId).map(fromRow),
    totals: (linkId: string): EngagementCounts => totals.get(linkId)!,
    days: (linkId: string): EngagementDay[] => days.all(linkId),
    count: (linkId: string, day: string, field: EngagementField): void => void bump[field].run(linkId, day),
    setSessionLink: (sessionId: string, linkId: string): void => void setSessionLink.run(linkId, sessionId),
    /** The link a session was started from, with who its participant is. */
    ofSession: (sessionId: string) => {
      const row = sessionLink.get(sessionId);
      return row && { link: fromRow(row), visitor: { id: row.visitor_id, customerId: row.customer_id } };
    },
    visitorMessagesIn: (sessionId: string): number => visitorMessages.get(sessionId)!.n,
    recordUse: (sessionId: string, linkId: string, participant: string, at: string): void =>
      void insertUse.run(sessionId, linkId, participant, at),
    usesBy: (linkId: string, participant: string): number => uses.get(linkId, participant)!.n,
  };
}

export type LinkQueries = ReturnType<typeof createLinkQueries>;
