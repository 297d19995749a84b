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
  // Link previews (issue 12): the preview shown with a message, each page's outcome, re-encoded images.
  `
  ALTER TABLE messages ADD COLUMN preview TEXT;

  CREATE TABLE preview_cache (
    key        TEXT PRIMARY KEY,
    preview    TEXT,
    failure    TEXT,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX preview_cache_by_expiry ON preview_cache (expires_at);

  CREATE TABLE preview_images (
    id         TEXT PRIMARY KEY,
    body       BLOB NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL
  );
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
