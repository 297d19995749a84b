import type { Database } from 'better-sqlite3';

// Each entry moves the database from version i to i + 1 (PRAGMA user_version). Append only; never edit a shipped step.
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE visitors (
    id           TEXT PRIMARY KEY,
    app_id       TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    customer_id  TEXT,
    display_name TEXT,
    locale       TEXT NOT NULL,
    claims       TEXT NOT NULL DEFAULT '{}',
    vars         TEXT NOT NULL DEFAULT '{}',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
  );
  CREATE INDEX visitors_by_customer ON visitors (app_id, customer_id) WHERE customer_id IS NOT NULL;

  CREATE TABLE used_nonces (
    app_id  TEXT NOT NULL,
    sbs     TEXT NOT NULL,
    ranstr  TEXT NOT NULL,
    used_at TEXT NOT NULL,
    PRIMARY KEY (app_id, sbs, ranstr)
  ) WITHOUT ROWID;

  CREATE TABLE sessions (
    id         TEXT PRIMARY KEY,
    app_id     TEXT NOT NULL,
    visitor_id TEXT NOT NULL REFERENCES visitors (id),
    status     TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    last_seq   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX sessions_by_visitor ON sessions (visitor_id, created_at);
  CREATE INDEX sessions_by_activity ON sessions (app_id, updated_at);

  CREATE TABLE messages (
    id          TEXT PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES sessions (id),
    seq         INTEGER NOT NULL,
    client_id   TEXT,
    author_role TEXT NOT NULL CHECK (author_role IN ('visitor', 'agent', 'system')),
    author_name TEXT,
    kind        TEXT NOT NULL CHECK (kind IN ('text', 'link')),
    text        TEXT,
    link        TEXT,
    created_at  TEXT NOT NULL,
    UNIQUE (session_id, seq)
  );
  CREATE UNIQUE INDEX messages_by_client_id ON messages (session_id, author_role, client_id) WHERE client_id IS NOT NULL;
  `,
  // Chat links (/c/<slug>). Every slug a link ever had stays in chat_link_slugs, so a renamed link keeps answering.
  // Uses and per-day engagement are counts only: no IP address or user agent is stored.
  `
  CREATE TABLE chat_links (
    id                     TEXT PRIMARY KEY,
    app_id                 TEXT NOT NULL,
    name                   TEXT NOT NULL,
    description            TEXT,
    locale                 TEXT NOT NULL,
    active_from            TEXT,
    expires_at             TEXT,
    slug                   TEXT NOT NULL,
    per_participant_limit  INTEGER,
    disabled               INTEGER NOT NULL DEFAULT 0,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL
  );
  CREATE INDEX chat_links_by_app ON chat_links (app_id, created_at);

  CREATE TABLE chat_link_slugs (
    slug     TEXT PRIMARY KEY,
    link_id  TEXT NOT NULL REFERENCES chat_links (id)
  ) WITHOUT ROWID;

  ALTER TABLE sessions ADD COLUMN link_id TEXT REFERENCES chat_links (id);

  CREATE TABLE chat_link_uses (
    session_id   TEXT PRIMARY KEY REFERENCES sessions (id),
    link_id      TEXT NOT NULL REFERENCES chat_links (id),
    participant  TEXT NOT NULL,
    used_at      TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX chat_link_uses_by_participant ON chat_link_uses (link_id, participant);

  CREATE TABLE chat_link_days (
    link_id        TEXT NOT NULL REFERENCES chat_links (id),
    day            TEXT NOT NULL,
    opens          INTEGER NOT NULL DEFAULT 0,
    conversations  INTEGER NOT NULL DEFAULT 0,
    messages       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (link_id, day)
  ) WITHOUT ROWID;
  `,
];

export function migrate(db: Database): void {
  // One step per IMMEDIATE transaction that re-reads the version under the write lock: a second process starting
  // on the same file at the same moment waits, then finds the step done, instead of running it twice.
  const step = db.transaction((): boolean => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new Error(`The database is at schema version ${current}, newer than this server (${MIGRATIONS.length}).`);
    }
    if (current === MIGRATIONS.length) return false;
    db.exec(MIGRATIONS[current]!);
    db.pragma(`user_version = ${current + 1}`);
    return true;
  });
  for (let more = true; more; ) more = step.immediate();
}
