import Database from 'better-sqlite3';
import type { HolidayCalendarData } from '../../src/core/calendar';
import type {
  CounterRecord,
  DistrictRecord,
  EvidenceLink,
  EvidenceRecord,
  FileRecord,
  HistoryEntry,
  InviteRecord,
  OutboxRecord,
  ReminderRecord,
  RequestRecord,
  TaskRecord,
  UnitRecord,
  UserRecord,
} from '../../src/core/model';

/**
 * Databases as released versions of the local cloud left them, for the migration tests.
 *
 * The DDL below is copied from git history, never imported from `local/store/migrations.ts`: an old
 * database must keep the shape it was created with even if someone later edits an old step in place,
 * and the tests then prove that opening it with today's `SqliteStore` arrives at today's schema.
 * The rows are written the way those versions wrote them (snake_case columns, 0/1 for booleans, JSON
 * text for lists and objects), by hand rather than with today's `local/store/rows.ts`.
 */

/** Version 1, as commit 47db6f0 ("Store port with the SQLite adapter …") created it. */
export const V1_SQL = `
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
    `;

/** The step to version 2, as commit 9d0ab62 ("Reminder store …") added it (version 1 unchanged). */
export const V2_STEP_SQL = `
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
    `;

/** Evidence as versions 1 to 3 stored it: no thumbnail yet (version 4 added `thumb_file_id`). */
export type OldEvidenceRecord = Omit<EvidenceRecord, 'thumbFileId'>;

/** Tasks as versions 1 to 4 stored them: no withdrawals, no 延期 or 不涉及 requests (version 5). */
export type OldTaskRecord = Omit<
  TaskRecord,
  'statusBeforeSubmit' | 'withdrawnAt' | 'originalDueDate' | 'extension' | 'exemption'
>;

/** Counters as versions 1 to 4 kept them: no `exempt` column. */
export type OldCounterRecord = Omit<CounterRecord, 'exempt'>;

/**
 * The counters versions 1 to 4 kept for a set of tasks, worked out as that code did: each task's
 * status (and on-time mark) in its district, unit, indicators and item; for the trend, its first
 * report by month (`first-reported-in`) and its approval by month (`approved-in`).
 */
export function oldCountersFromTasks(tasks: OldTaskRecord[]): OldCounterRecord[] {
  const byKey = new Map<string, OldCounterRecord>();
  const add = (task: OldTaskRecord, scope: string, dueDate: string, field: keyof OldCounterRecord, onTime = false) => {
    const key = [task.districtId, task.year, scope, dueDate].join('|');
    const counter = byKey.get(key) ?? {
      districtId: task.districtId,
      year: task.year,
      scope,
      dueDate,
      pending: 0,
      submitted: 0,
      approved: 0,
      returned: 0,
      onTime: 0,
    };
    (counter[field] as number) += 1;
    if (onTime) counter.onTime += 1;
    byKey.set(key, counter);
  };
  for (const task of tasks) {
    const onTime = Boolean(task.firstSubmittedOn && task.firstSubmittedOn <= task.dueDate);
    for (const scope of [
      'district',
      `unit:${task.unitId}`,
      `l1:${task.level1}`,
      `l2:${task.level2}`,
      `item:${task.itemNo}`,
    ]) {
      add(task, scope, task.dueDate, task.status as keyof OldCounterRecord, onTime);
    }
    if (task.firstSubmittedOn) add(task, 'first-reported-in', `${task.firstSubmittedOn.slice(0, 7)}-01`, 'submitted');
    if (task.status === 'approved' && task.reviewedAt) {
      const month = new Date(Date.parse(task.reviewedAt) + 8 * 3_600_000).toISOString().slice(0, 7);
      add(task, 'approved-in', `${month}-01`, 'approved');
    }
  }
  return [...byKey.values()];
}

/** What an old database holds, as records: the tests write these and expect to read them back. */
export interface OldContent {
  districts: DistrictRecord[];
  units: UnitRecord[];
  calendar: HolidayCalendarData | null;
  users: UserRecord[];
  invites: InviteRecord[];
  tasks: OldTaskRecord[];
  /** In the order they were appended (the `seq` they get). */
  history: HistoryEntry[];
  evidence: OldEvidenceRecord[];
  links: EvidenceLink[];
  files: FileRecord[];
  requests: RequestRecord[];
  counters: OldCounterRecord[];
  /** Version 2 and later only. */
  reminders: ReminderRecord[];
  outbox: OutboxRecord[];
  subscriptions: Array<{ openid: string; templateId: string; credits: number }>;
}

const flag = (value: boolean | undefined) => (value ? 1 : 0);

/** Creates at `path` a database of schema `version` (1 or 2) holding `content`, and closes it. */
export function createOldDatabase(path: string, version: 1 | 2, content: OldContent): void {
  if (version === 1 && (content.reminders.length || content.outbox.length || content.subscriptions.length)) {
    throw new Error('a version 1 database has no reminders, outbox or subscriptions');
  }
  const db = new Database(path);
  try {
    // As every version of SqliteStore opened it.
    db.pragma('journal_mode = WAL');
    db.transaction(() => {
      db.exec(V1_SQL);
      db.pragma('user_version = 1');
      if (version === 2) {
        db.exec(V2_STEP_SQL);
        db.pragma('user_version = 2');
      }
    })();
    db.transaction(() => writeContent(db, content))();
  } finally {
    db.close();
  }
}

function writeContent(db: Database.Database, content: OldContent): void {
  const insert = (sql: string, rows: unknown[][]) => {
    if (rows.length === 0) return; // the table may not exist at this version
    const statement = db.prepare(sql);
    for (const row of rows) statement.run(...row);
  };
  insert(
    `INSERT INTO districts (id, name, full_name, default_due_date, catalog, task_years, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    content.districts.map((d) => [
      d.id,
      d.name,
      d.fullName,
      d.defaultDueDate,
      JSON.stringify(d.catalog),
      JSON.stringify(d.taskYears),
      d.createdAt,
    ]),
  );
  insert(
    `INSERT INTO units (district_id, id, name, kind, tags, aliases, disabled, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    content.units.map((u) => [
      u.districtId,
      u.id,
      u.name,
      u.kind,
      JSON.stringify(u.tags),
      JSON.stringify(u.aliases),
      flag(u.disabled),
      u.updatedAt,
    ]),
  );
  if (content.calendar) {
    insert('INSERT INTO calendar (id, data) VALUES (1, ?)', [[JSON.stringify(content.calendar)]]);
  }
  insert(
    `INSERT INTO users (openid, district_id, name, role, unit_id, disabled, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    content.users.map((u) => [
      u.openid,
      u.districtId,
      u.name,
      u.role,
      u.unitId,
      flag(u.disabled),
      u.createdAt,
      u.updatedAt,
      u.version,
    ]),
  );
  insert(
    `INSERT INTO invites (code, district_id, unit_id, role, expires_at, max_uses, uses, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    content.invites.map((i) => [
      i.code,
      i.districtId,
      i.unitId,
      i.role,
      i.expiresAt,
      i.maxUses,
      i.uses,
      i.createdBy,
      i.createdAt,
    ]),
  );
  insert(
    `INSERT INTO tasks (district_id, id, unit_id, item_no, level1, level2, key, kind, year, due_date, estimated,
       role, label, requirements, event_date, status, version, note, evidence_count, first_submitted_at,
       first_submitted_on, submitted_at, reviewed_at, reviewed_by, review_comment, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    content.tasks.map((t) => [
      t.districtId,
      t.id,
      t.unitId,
      t.itemNo,
      t.level1,
      t.level2,
      t.key,
      t.kind,
      t.year,
      t.dueDate,
      flag(t.estimated),
      t.role,
      t.label,
      JSON.stringify(t.requirements),
      t.eventDate,
      t.status,
      t.version,
      t.note,
      t.evidenceCount,
      t.firstSubmittedAt,
      t.firstSubmittedOn,
      t.submittedAt,
      t.reviewedAt,
      t.reviewedBy,
      t.reviewComment,
      t.createdAt,
      t.updatedAt,
    ]),
  );
  insert(
    `INSERT INTO history (district_id, task_id, at, actor_openid, actor_name, actor_role, actor_unit_id, action,
       from_status, to_status, comment, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    content.history.map((h) => [
      h.districtId,
      h.taskId,
      h.at,
      h.actorOpenid,
      h.actorName,
      h.actorRole,
      h.actorUnitId,
      h.action,
      h.fromStatus,
      h.toStatus,
      h.comment,
      h.detail,
    ]),
  );
  insert(
    `INSERT INTO evidence (district_id, id, file_id, name, size, mime, unit_id, uploaded_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    content.evidence.map((e) => [
      e.districtId,
      e.id,
      e.fileId,
      e.name,
      e.size,
      e.mime,
      e.unitId,
      e.uploadedBy,
      e.createdAt,
    ]),
  );
  insert(
    'INSERT INTO evidence_links (district_id, task_id, evidence_id, linked_by, created_at) VALUES (?, ?, ?, ?, ?)',
    content.links.map((l) => [l.districtId, l.taskId, l.evidenceId, l.linkedBy, l.createdAt]),
  );
  insert(
    `INSERT INTO files (file_id, district_id, owner_openid, unit_id, sha256, size, mime, name, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    content.files.map((f) => [
      f.fileId,
      f.districtId,
      f.ownerOpenid,
      f.unitId,
      f.sha256,
      f.size,
      f.mime,
      f.name,
      f.createdAt,
    ]),
  );
  insert(
    'INSERT INTO requests (district_id, openid, request_id, action, result, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    content.requests.map((r) => [r.districtId, r.openid, r.requestId, r.action, JSON.stringify(r.result), r.createdAt]),
  );
  insert(
    `INSERT INTO counters (district_id, year, scope, due_date, pending, submitted, approved, returned, on_time)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    content.counters.map((c) => [
      c.districtId,
      c.year,
      c.scope,
      c.dueDate,
      c.pending,
      c.submitted,
      c.approved,
      c.returned,
      c.onTime,
    ]),
  );
  insert(
    `INSERT INTO reminders (id, district_id, recipient_openid, unit_id, task_id, kind, title, message, due_date, date,
       created_at, read_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    content.reminders.map((r) => [
      r.id,
      r.districtId,
      r.recipientOpenid,
      r.unitId,
      r.taskId,
      r.kind,
      r.title,
      r.message,
      r.dueDate,
      r.date,
      r.createdAt,
      r.readAt,
    ]),
  );
  insert(
    `INSERT INTO outbox (id, district_id, reminder_id, recipient_openid, channel, template_id, status, detail, payload,
       at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    content.outbox.map((o) => [
      o.id,
      o.districtId,
      o.reminderId,
      o.recipientOpenid,
      o.channel,
      o.templateId,
      o.status,
      o.detail,
      JSON.stringify(o.payload ?? null),
      o.at,
    ]),
  );
  insert(
    'INSERT INTO subscriptions (openid, template_id, credits) VALUES (?, ?, ?)',
    content.subscriptions.map((s) => [s.openid, s.templateId, s.credits]),
  );
}
