import type Database from 'better-sqlite3';
import { StoreVersionError } from '../../src/core/ports/Store';

/** Schema versions, applied in order on open; `PRAGMA user_version` records the last applied. */
export const MIGRATIONS: Array<{ version: number; description: string; sql: string }> = [
  {
    version: 1,
    description: 'districts, directory, users, invites, tasks, history, evidence, files, requests, counters',
    sql: `
      CREATE TABLE districts (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, full_name TEXT NOT NULL, default_due_date TEXT NOT NULL,
        catalog TEXT NOT NULL, task_years TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL
      );
      CREATE TABLE units (
        district_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, tags TEXT NOT NULL,
        aliases TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL,
        PRIMARY KEY (district_id, id)
      );
      CREATE TABLE calendar (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL);
      CREATE TABLE users (
        openid TEXT PRIMARY KEY, district_id TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL,
        unit_id TEXT NOT NULL, disabled INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX users_by_unit ON users (district_id, unit_id);
      CREATE TABLE invites (
        code TEXT PRIMARY KEY, district_id TEXT NOT NULL, unit_id TEXT NOT NULL, role TEXT NOT NULL,
        expires_at TEXT NOT NULL, max_uses INTEGER NOT NULL, uses INTEGER NOT NULL, created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE tasks (
        district_id TEXT NOT NULL, id TEXT NOT NULL, unit_id TEXT NOT NULL, item_no INTEGER NOT NULL,
        level1 INTEGER NOT NULL, level2 INTEGER NOT NULL, key TEXT NOT NULL, kind TEXT NOT NULL,
        year INTEGER NOT NULL, due_date TEXT NOT NULL, estimated INTEGER NOT NULL, role TEXT NOT NULL,
        label TEXT NOT NULL, requirements TEXT NOT NULL, event_date TEXT, status TEXT NOT NULL,
        version INTEGER NOT NULL, note TEXT NOT NULL, evidence_count INTEGER NOT NULL,
        first_submitted_at TEXT, first_submitted_on TEXT, submitted_at TEXT, reviewed_at TEXT, reviewed_by TEXT,
        review_comment TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (district_id, id)
      );
      CREATE INDEX tasks_by_unit ON tasks (district_id, unit_id, year, due_date);
      CREATE INDEX tasks_by_status ON tasks (district_id, year, status, due_date);
      CREATE TABLE history (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, district_id TEXT NOT NULL, task_id TEXT NOT NULL, at TEXT NOT NULL,
        actor_openid TEXT NOT NULL, actor_name TEXT NOT NULL, actor_role TEXT NOT NULL, actor_unit_id TEXT,
        action TEXT NOT NULL, from_status TEXT, to_status TEXT NOT NULL, comment TEXT, detail TEXT
      );
      CREATE INDEX history_by_task ON history (district_id, task_id, seq);
      CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      CREATE TABLE evidence (
        district_id TEXT NOT NULL, id TEXT NOT NULL, file_id TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL,
        mime TEXT NOT NULL, unit_id TEXT NOT NULL, uploaded_by TEXT NOT NULL, created_at TEXT NOT NULL,
        PRIMARY KEY (district_id, id)
      );
      CREATE TABLE evidence_links (
        district_id TEXT NOT NULL, task_id TEXT NOT NULL, evidence_id TEXT NOT NULL, linked_by TEXT NOT NULL,
        created_at TEXT NOT NULL, PRIMARY KEY (district_id, task_id, evidence_id)
      );
      CREATE INDEX links_by_evidence ON evidence_links (district_id, evidence_id);
      CREATE TABLE files (
        file_id TEXT PRIMARY KEY, district_id TEXT NOT NULL, owner_openid TEXT NOT NULL, unit_id TEXT NOT NULL,
        sha256 TEXT NOT NULL, size INTEGER NOT NULL, mime TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL
      );
      CREATE TABLE requests (
        district_id TEXT NOT NULL, openid TEXT NOT NULL, request_id TEXT NOT NULL, action TEXT NOT NULL,
        result TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (district_id, openid, request_id)
      );
      CREATE TABLE counters (
        district_id TEXT NOT NULL, year INTEGER NOT NULL, scope TEXT NOT NULL, due_date TEXT NOT NULL,
        pending INTEGER NOT NULL DEFAULT 0, submitted INTEGER NOT NULL DEFAULT 0, approved INTEGER NOT NULL DEFAULT 0,
        returned INTEGER NOT NULL DEFAULT 0, on_time INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (district_id, year, scope, due_date)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    description: 'reminders, the outbox of deliveries, subscription credits',
    sql: `
      CREATE TABLE reminders (
        id TEXT PRIMARY KEY, district_id TEXT NOT NULL, recipient_openid TEXT NOT NULL, unit_id TEXT NOT NULL,
        task_id TEXT, kind TEXT NOT NULL, title TEXT NOT NULL, message TEXT NOT NULL, due_date TEXT,
        date TEXT NOT NULL, created_at TEXT NOT NULL, read_at TEXT
      );
      CREATE INDEX reminders_by_recipient ON reminders (district_id, recipient_openid, created_at);
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY, district_id TEXT NOT NULL, reminder_id TEXT NOT NULL, recipient_openid TEXT NOT NULL,
        channel TEXT NOT NULL, template_id TEXT, status TEXT NOT NULL, detail TEXT NOT NULL, payload TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX outbox_by_reminder ON outbox (district_id, reminder_id);
      CREATE TABLE subscriptions (
        openid TEXT NOT NULL, template_id TEXT NOT NULL, credits INTEGER NOT NULL,
        PRIMARY KEY (openid, template_id)
      );
    `,
  },
  {
    version: 3,
    description: 'a change counter per district, for summaries cached until the next change',
    sql: `
      CREATE TABLE district_versions (district_id TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    description: 'the small version of a photo, shown in grids instead of the full file',
    sql: `
      ALTER TABLE evidence ADD COLUMN thumb_file_id TEXT;
    `,
  },
  {
    version: 5,
    description:
      'withdrawals, 延期 and 不涉及 requests on tasks, exempt counters, 领导批示; the trend counts standing reports',
    sql: `
      ALTER TABLE tasks ADD COLUMN status_before_submit TEXT;
      ALTER TABLE tasks ADD COLUMN withdrawn_at TEXT;
      ALTER TABLE tasks ADD COLUMN original_due_date TEXT;
      ALTER TABLE tasks ADD COLUMN extension TEXT;
      ALTER TABLE tasks ADD COLUMN exemption TEXT;
      ALTER TABLE tasks ADD COLUMN open_request TEXT;
      CREATE INDEX tasks_by_open_request ON tasks (district_id, year, open_request);
      ALTER TABLE counters ADD COLUMN exempt INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE instructions (
        district_id TEXT NOT NULL, id TEXT NOT NULL, unit_id TEXT NOT NULL, task_id TEXT, text TEXT NOT NULL,
        author_openid TEXT NOT NULL, author_name TEXT NOT NULL, created_at TEXT NOT NULL,
        PRIMARY KEY (district_id, id)
      );
      CREATE INDEX instructions_by_unit ON instructions (district_id, unit_id, created_at);
      DELETE FROM counters WHERE scope IN ('first-reported-in', 'reported-in');
      INSERT INTO counters (district_id, year, scope, due_date, submitted)
        SELECT district_id, year, 'reported-in', month, COUNT(*) FROM (
          SELECT district_id, year,
            substr(COALESCE(date(submitted_at, '+8 hours'), first_submitted_on), 1, 7) || '-01' AS month
          FROM tasks
          WHERE status IN ('submitted', 'approved') AND COALESCE(submitted_at, first_submitted_on) IS NOT NULL
        ) GROUP BY district_id, year, month;
    `,
  },
  {
    version: 6,
    description: 'task lists published for years (catalogs by year), and each item’s 佐证材料要求',
    sql: `
      CREATE TABLE catalogs (
        district_id TEXT NOT NULL, id TEXT NOT NULL, years TEXT NOT NULL, catalog TEXT NOT NULL,
        published_at TEXT NOT NULL, published_by TEXT NOT NULL, published_by_name TEXT NOT NULL,
        PRIMARY KEY (district_id, id)
      );
      CREATE TABLE guidance (
        district_id TEXT NOT NULL, catalog_id TEXT NOT NULL, item_no INTEGER NOT NULL, text TEXT NOT NULL,
        updated_at TEXT NOT NULL, updated_by TEXT NOT NULL, updated_by_name TEXT NOT NULL,
        PRIMARY KEY (district_id, catalog_id, item_no)
      ) WITHOUT ROWID;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Refuses, before touching anything, a database written by newer code. */
export function assertKnownVersion(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new StoreVersionError(
      `数据库版本为 ${current}，本程序只认识到 ${SCHEMA_VERSION}：请升级程序后再打开，以免损坏数据`,
    );
  }
}

/** Brings the schema up to date, one versioned step at a time. */
export function migrate(db: Database.Database): void {
  assertKnownVersion(db);
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of MIGRATIONS.filter((candidate) => candidate.version > current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
