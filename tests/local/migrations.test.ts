import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SCHEMA_VERSION } from '../../local/store/migrations';
import { SqliteStore } from '../../local/store/SqliteStore';
import { countersFromTasks } from '../../src/core/counters';
import type {
  CounterRecord,
  HistoryEntry,
  ReminderRecord,
  TaskRecord,
  UnitRecord,
  UserRecord,
} from '../../src/core/model';
import { StoreVersionError } from '../../src/core/ports/Store';
import { storeSnapshot } from '../support/apiHarness';
import { loadCatalog, loadHolidays } from '../support/fixtures';
import {
  createOldDatabase,
  oldCountersFromTasks,
  type OldContent,
  type OldEvidenceRecord,
  type OldTaskRecord,
} from '../support/oldSchemas';

const D = 'changjiang';
const CREATED = '2026-01-05T01:00:00.000Z';
const STAFF = 'o-staff-xijiao';
const REVIEWER = 'o-reviewer-sfj';
const TEMPLATE = 'tpl-due-reminder';

// ── what an old database holds ─────────────────────────────────────────────

function unit(id: string, name: string, kind: UnitRecord['kind'], extra: Partial<UnitRecord> = {}): UnitRecord {
  return { districtId: D, id, name, kind, tags: [], aliases: [], disabled: false, updatedAt: CREATED, ...extra };
}

function user(openid: string, role: UserRecord['role'], unitId: string, name: string, extra: Partial<UserRecord> = {}) {
  const record: UserRecord = {
    openid,
    districtId: D,
    name,
    role,
    unitId,
    disabled: false,
    createdAt: CREATED,
    updatedAt: CREATED,
    version: 1,
  };
  return { ...record, ...extra };
}

/** What a task stored before version 5 reads as: never withdrawn, never moved, never asked. */
const NEW_TASK_FIELDS = {
  statusBeforeSubmit: null,
  withdrawnAt: null,
  originalDueDate: null,
  extension: null,
  exemption: null,
} satisfies Partial<TaskRecord>;

const migrated = (t: OldTaskRecord): TaskRecord => ({ ...t, ...NEW_TASK_FIELDS });

function task(id: string, overrides: Partial<OldTaskRecord>): OldTaskRecord {
  const record: OldTaskRecord = {
    id,
    districtId: D,
    unitId: 'xijiao',
    itemNo: 2,
    level1: 1,
    level2: 1,
    key: 'annual',
    kind: 'annual',
    year: 2026,
    dueDate: '2026-12-31',
    estimated: false,
    role: 'responsible',
    label: '2026年度落实情况',
    requirements: [],
    eventDate: null,
    status: 'pending',
    version: 1,
    note: '',
    evidenceCount: 0,
    firstSubmittedAt: null,
    firstSubmittedOn: null,
    submittedAt: null,
    reviewedAt: null,
    reviewedBy: null,
    reviewComment: null,
    createdAt: CREATED,
    updatedAt: CREATED,
  };
  return { ...record, ...overrides };
}

function entry(
  t: OldTaskRecord,
  action: HistoryEntry['action'],
  at: string,
  from: HistoryEntry['fromStatus'],
  to: HistoryEntry['toStatus'],
  extra: Partial<HistoryEntry> = {},
): HistoryEntry {
  const byReviewer = action === 'approve' || action === 'return';
  const bySystem = action === 'create';
  return {
    districtId: D,
    taskId: t.id,
    at,
    actorOpenid: bySystem ? 'system' : byReviewer ? REVIEWER : `o-staff-${t.unitId}`,
    actorName: bySystem ? '系统' : byReviewer ? '李审核' : '经办人',
    actorRole: bySystem ? 'system' : byReviewer ? 'reviewer' : 'staff',
    actorUnitId: bySystem ? null : byReviewer ? 'sfj' : t.unitId,
    action,
    fromStatus: from,
    toStatus: to,
    comment: null,
    detail: null,
    ...extra,
  };
}

function evidence(id: string, unitId: string, name: string, mime: string, size: number, at: string): OldEvidenceRecord {
  return {
    id,
    districtId: D,
    fileId: `local://${D}/${id}`,
    name,
    size,
    mime,
    unitId,
    uploadedBy: `o-staff-${unitId}`,
    createdAt: at,
  };
}

/** A district in the middle of a year: every status, reused evidence, an event, an estimated year. */
function v1Content(): OldContent {
  const pending = task('xijiao-2026-2-annual', {});
  const onTime = task('xijiao-2026-3-annual', {
    itemNo: 3,
    status: 'submitted',
    version: 3,
    note: '已定期听取汇报',
    evidenceCount: 1,
    firstSubmittedAt: '2026-11-20T02:00:00.000Z',
    firstSubmittedOn: '2026-11-20',
    submittedAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
  });
  const returned = task('xijiao-2026-1-d0301', {
    itemNo: 1,
    key: 'd0301',
    kind: 'fixed',
    dueDate: '2026-03-01',
    label: '3月1日前报送',
    requirements: ['述法报告', '会议记录'],
    status: 'returned',
    version: 3,
    note: '已组织述法',
    firstSubmittedAt: '2026-02-20T02:00:00.000Z',
    firstSubmittedOn: '2026-02-20',
    submittedAt: '2026-02-20T02:00:00.000Z',
    reviewedAt: '2026-02-25T03:00:00.000Z',
    reviewedBy: REVIEWER,
    reviewComment: '请补充述法报告原文',
    updatedAt: '2026-02-25T03:00:00.000Z',
  });
  const approved = task('hetang-2026-33-annual', {
    unitId: 'hetang',
    itemNo: 33,
    level1: 6,
    level2: 22,
    status: 'approved',
    version: 4,
    evidenceCount: 1,
    firstSubmittedAt: '2026-06-01T02:00:00.000Z',
    firstSubmittedOn: '2026-06-01',
    submittedAt: '2026-06-01T02:00:00.000Z',
    reviewedAt: '2026-06-10T03:00:00.000Z',
    reviewedBy: REVIEWER,
    updatedAt: '2026-06-10T03:00:00.000Z',
  });
  const late = task('hetang-2026-34-annual', {
    unitId: 'hetang',
    itemNo: 34,
    level1: 6,
    level2: 22,
    dueDate: '2026-03-31',
    status: 'submitted',
    version: 3,
    evidenceCount: 1,
    firstSubmittedAt: '2026-04-02T02:00:00.000Z',
    firstSubmittedOn: '2026-04-02',
    submittedAt: '2026-04-02T02:00:00.000Z',
    updatedAt: '2026-04-02T02:00:00.000Z',
  });
  const event = task('xijiao-2026-13-e20260930', {
    itemNo: 13,
    level1: 3,
    level2: 9,
    key: 'e20260930',
    kind: 'event',
    dueDate: '2026-10-13',
    label: '事件后10个工作日内报送',
    eventDate: '2026-09-30',
    note: '调整了执法事项',
    createdAt: '2026-10-01T02:00:00.000Z',
    updatedAt: '2026-10-01T02:00:00.000Z',
  });
  const estimated = task('xijiao-2027-2-annual', {
    year: 2027,
    dueDate: '2027-12-31',
    estimated: true,
    label: '2027年度落实情况',
  });
  const tasks = [pending, onTime, returned, approved, late, event, estimated];

  const photo = evidence('ev-photo-1', 'xijiao', '会议照片.jpg', 'image/jpeg', 204_800, '2026-11-19T08:00:00.000Z');
  const document = evidence(
    'ev-doc-1',
    'hetang',
    '学法会纪要.pdf',
    'application/pdf',
    51_200,
    '2026-05-30T08:00:00.000Z',
  );

  const history: HistoryEntry[] = [
    ...tasks.map((t) => entry(t, 'create', t.createdAt, null, 'pending')),
    entry(returned, 'submit', '2026-02-20T02:00:00.000Z', 'pending', 'submitted'),
    entry(returned, 'return', '2026-02-25T03:00:00.000Z', 'submitted', 'returned', { comment: '请补充述法报告原文' }),
    entry(late, 'evidence.link', '2026-04-01T02:00:00.000Z', 'pending', 'pending', { detail: document.id }),
    entry(late, 'submit', '2026-04-02T02:00:00.000Z', 'pending', 'submitted'),
    entry(approved, 'evidence.add', '2026-05-30T08:00:00.000Z', 'pending', 'pending', { detail: document.id }),
    entry(approved, 'submit', '2026-06-01T02:00:00.000Z', 'pending', 'submitted'),
    entry(approved, 'approve', '2026-06-10T03:00:00.000Z', 'submitted', 'approved'),
    entry(event, 'event.record', '2026-10-01T02:00:00.000Z', null, 'pending', { detail: '2026-09-30' }),
    entry(onTime, 'evidence.add', '2026-11-19T08:00:00.000Z', 'pending', 'pending', { detail: photo.id }),
    entry(onTime, 'submit', '2026-11-20T02:00:00.000Z', 'pending', 'submitted'),
  ];

  return {
    districts: [
      {
        id: D,
        name: '昌江区',
        fullName: '景德镇市昌江区',
        defaultDueDate: '12-31',
        catalog: loadCatalog(),
        taskYears: { '2026': 'fingerprint-2026', '2027': 'fingerprint-2027' },
        createdAt: CREATED,
      },
    ],
    units: [
      unit('zfb', '区政府办公室', 'department', { aliases: ['区政府办'] }),
      unit('sfj', '区司法局', 'department'),
      unit('xijiao', '西郊街道', 'street', { tags: ['综合行政执法'] }),
      unit('hetang', '荷塘乡', 'township', { tags: ['综合行政执法'] }),
      unit('old-bureau', '原区某局', 'agency', { disabled: true, updatedAt: '2026-03-01T00:00:00.000Z' }),
    ],
    calendar: loadHolidays(),
    users: [
      user(STAFF, 'staff', 'xijiao', '王经办'),
      user('o-staff-hetang', 'staff', 'hetang', '荷塘经办', { version: 2, updatedAt: '2026-02-01T00:00:00.000Z' }),
      user(REVIEWER, 'reviewer', 'sfj', '李审核'),
      user('o-leader', 'leader', 'zfb', '赵区长'),
      user('o-gone', 'staff', 'xijiao', '已停用', { disabled: true, version: 3 }),
    ],
    invites: [
      {
        code: 'INV7K2Q9',
        districtId: D,
        unitId: 'xijiao',
        role: 'staff',
        expiresAt: '2027-01-05T01:00:00.000Z',
        maxUses: 5,
        uses: 2,
        createdBy: 'o-admin',
        createdAt: CREATED,
      },
    ],
    tasks,
    history,
    evidence: [document, photo],
    links: [
      {
        districtId: D,
        taskId: approved.id,
        evidenceId: document.id,
        linkedBy: 'o-staff-hetang',
        createdAt: document.createdAt,
      },
      {
        districtId: D,
        taskId: late.id,
        evidenceId: document.id,
        linkedBy: 'o-staff-hetang',
        createdAt: '2026-04-01T02:00:00.000Z',
      },
      { districtId: D, taskId: onTime.id, evidenceId: photo.id, linkedBy: STAFF, createdAt: photo.createdAt },
    ],
    files: [document, photo].map((e, index) => ({
      fileId: e.fileId,
      districtId: D,
      ownerOpenid: e.uploadedBy,
      unitId: e.unitId,
      sha256: `${index + 1}`.repeat(64),
      size: e.size,
      mime: e.mime,
      name: e.name,
      createdAt: e.createdAt,
    })),
    requests: [
      {
        districtId: D,
        openid: STAFF,
        requestId: 'req-00000001',
        action: 'report.submit',
        result: { task: { id: onTime.id, status: 'submitted', light: 'blue' } },
        createdAt: '2026-11-20T02:00:00.000Z',
      },
    ],
    // As versions 1 to 4 kept them: the trend counted first reports (version 5 counts standing ones).
    counters: oldCountersFromTasks(tasks),
    reminders: [],
    outbox: [],
    subscriptions: [],
  };
}

function reminder(id: string, openid: string, kind: ReminderRecord['kind'], extra: Partial<ReminderRecord>) {
  const record: ReminderRecord = {
    id,
    districtId: D,
    recipientOpenid: openid,
    unitId: 'xijiao',
    taskId: 'xijiao-2026-2-annual',
    kind,
    title: '第2项 深入推进党政主要负责人履行推进法治建设第一责任人职责',
    message: '7天后到期（12月31日），请及时报送',
    dueDate: '2026-12-31',
    date: '2026-12-24',
    createdAt: '2026-12-24T01:00:00.000Z',
    readAt: null,
  };
  return { ...record, ...extra };
}

function v2Content(): OldContent {
  return {
    ...v1Content(),
    reminders: [
      reminder('due-7|xijiao-2026-2-annual|2026-12-24|o-staff-xijiao', STAFF, 'due-7', {
        readAt: '2026-12-24T03:00:00.000Z',
      }),
      reminder('returned|xijiao-2026-1-d0301|2026-02-25|o-staff-xijiao', STAFF, 'returned', {
        taskId: 'xijiao-2026-1-d0301',
        title: '第1项 述法',
        message: '已退回：请补充述法报告原文',
        dueDate: '2026-03-01',
        date: '2026-02-25',
        createdAt: '2026-02-25T03:00:00.000Z',
      }),
      reminder('urge|none|2026-10-14|o-reviewer-sfj', REVIEWER, 'urge', {
        unitId: 'sfj',
        taskId: null,
        title: '催办',
        message: '请尽快审核',
        dueDate: null,
        date: '2026-10-14',
        createdAt: '2026-10-14T01:00:00.000Z',
      }),
    ],
    outbox: [
      {
        id: 'out-1',
        districtId: D,
        reminderId: 'due-7|xijiao-2026-2-annual|2026-12-24|o-staff-xijiao',
        recipientOpenid: STAFF,
        channel: 'subscribe',
        templateId: TEMPLATE,
        status: 'sent',
        detail: 'ok',
        payload: { page: 'pages/task/index?id=xijiao-2026-2-annual', data: { thing1: { value: '第2项' } } },
        at: '2026-12-24T01:00:01.000Z',
      },
      {
        id: 'out-2',
        districtId: D,
        reminderId: 'urge|none|2026-10-14|o-reviewer-sfj',
        recipientOpenid: REVIEWER,
        channel: 'local',
        templateId: null,
        status: 'skipped',
        detail: '未订阅',
        payload: null,
        at: '2026-10-14T01:00:01.000Z',
      },
    ],
    subscriptions: [
      { openid: STAFF, templateId: TEMPLATE, credits: 2 },
      { openid: REVIEWER, templateId: TEMPLATE, credits: 0 },
    ],
  };
}

// ── comparing ──────────────────────────────────────────────────────────────

/** Every table, index and trigger with its SQL (whitespace aside), its columns and its indexed columns. */
function schemaOf(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const objects = db
      .prepare('SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master ORDER BY type, name')
      .all() as Array<{ type: string; name: string; tableName: string; sql: string | null }>;
    return {
      userVersion: db.pragma('user_version', { simple: true }),
      objects: objects.map((object) => ({
        ...object,
        sql: object.sql?.replace(/\s+/g, ' ').trim() ?? null,
        columns: object.type === 'table' ? db.pragma(`table_xinfo('${object.name}')`) : null,
        indexed: object.type === 'index' ? db.pragma(`index_xinfo('${object.name}')`) : null,
      })),
    };
  } finally {
    db.close();
  }
}

/** Orders as SQLite's ORDER BY over these columns does (binary text, numbers as numbers). */
const byKey =
  <T>(key: (value: T) => Array<string | number>) =>
  (a: T, b: T) => {
    const [left, right] = [key(a), key(b)];
    for (let index = 0; index < left.length; index += 1) {
      if (left[index] < right[index]) return -1;
      if (left[index] > right[index]) return 1;
    }
    return 0;
  };
const counterKey = (c: CounterRecord) => [c.year, c.scope, c.dueDate];

/** Reads everything back through the Store API and expects exactly what was written. */
async function expectContent(store: SqliteStore, content: OldContent): Promise<void> {
  expect(await store.listDistricts()).toEqual(content.districts);
  expect(await store.getDistrict(D)).toEqual(content.districts[0]);
  expect(await store.listUnits(D)).toEqual(content.units);
  expect(await store.getCalendar()).toEqual(content.calendar);

  for (const u of content.users) expect(await store.getUser(u.openid)).toEqual(u);
  expect(await store.listUsers(D)).toEqual([...content.users].sort(byKey((u) => [u.unitId, u.createdAt, u.openid])));
  expect(await store.listUsers(D, { unitId: 'xijiao', role: 'staff' })).toHaveLength(2);
  for (const invite of content.invites) expect(await store.getInvite(invite.code)).toEqual(invite);

  const tasks = content.tasks.map(migrated);
  for (const t of tasks) expect(await store.getTask(D, t.id)).toEqual(t);
  const years = [...new Set(tasks.map((t) => t.year))];
  for (const year of years) {
    const ofYear = tasks.filter((t) => t.year === year);
    expect(await store.listTasks(D, { year })).toEqual([...ofYear].sort(byKey((t) => [t.dueDate, t.itemNo, t.id])));
    // The counters as today's code keeps them: exempt 0, the trend's month scope recounted.
    expect(await store.listCounters(D, year)).toEqual(countersFromTasks(ofYear).sort(byKey(counterKey)));
  }
  expect(await store.listTasks(D, { openRequest: true })).toEqual([]);
  expect(await store.listInstructions(D, { unitId: 'xijiao', limit: 10 })).toEqual([]);
  expect((await store.listTasks(D, { statuses: ['submitted'] })).map((t) => t.id).sort()).toEqual(
    content.tasks
      .filter((t) => t.status === 'submitted')
      .map((t) => t.id)
      .sort(),
  );

  for (const t of content.tasks) {
    expect(await store.listHistory(D, t.id)).toEqual(content.history.filter((h) => h.taskId === t.id));
    const linked = content.links.filter((l) => l.taskId === t.id).map((l) => l.evidenceId);
    expect((await store.listEvidenceForTask(D, t.id)).map((e) => e.id)).toEqual(linked);
  }
  for (const e of content.evidence) {
    // Evidence from before version 4 has no thumbnail.
    expect(await store.getEvidence(D, e.id)).toEqual({ ...e, thumbFileId: null });
    expect(await store.listLinks(D, e.id)).toEqual(
      content.links.filter((l) => l.evidenceId === e.id).sort(byKey((l) => [l.createdAt])),
    );
  }
  for (const file of content.files) expect(await store.getFile(file.fileId)).toEqual(file);
  for (const request of content.requests) {
    expect(await store.getRequest(D, request.openid, request.requestId)).toEqual(request);
  }

  for (const openid of new Set(content.users.map((u) => u.openid))) {
    expect(await store.listReminders(D, openid, 50)).toEqual(
      content.reminders
        .filter((r) => r.recipientOpenid === openid)
        .sort(byKey((r) => [r.createdAt, r.id]))
        .reverse(),
    );
  }
  // Adding nothing reads a balance; taking from where there is none changes nothing.
  for (const s of content.subscriptions) {
    expect(await store.addSubscriptionCredits(s.openid, s.templateId, 0)).toBe(s.credits);
  }
  const subscribed = new Set(content.subscriptions.filter((s) => s.credits > 0).map((s) => s.openid));
  for (const u of content.users.filter((candidate) => !subscribed.has(candidate.openid))) {
    expect(await store.takeSubscriptionCredit(u.openid, TEMPLATE)).toBe(false);
  }
  expect(await store.listOutbox(D)).toEqual([...content.outbox].sort(byKey((o) => [o.at, o.id])));
}

// ── the tests ──────────────────────────────────────────────────────────────

describe('schema migrations', () => {
  let dir: string;
  const open: SqliteStore[] = [];
  const openStore = (path: string) => {
    const store = new SqliteStore(path);
    open.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'migrate-'));
  });

  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The schema a database gets when the current code creates it. */
  async function freshSchema() {
    const path = join(dir, 'fresh.db');
    await openStore(path).close();
    return schemaOf(path);
  }

  it('brings a new database to the current version, and reopening changes nothing', async () => {
    const path = join(dir, 'app.db');
    const store = openStore(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await store.close();
    const schema = schemaOf(path);
    const again = openStore(path);
    expect(again.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    await again.close();
    expect(schemaOf(path)).toEqual(schema);
  });

  it.each([
    [1, v1Content],
    [2, v2Content],
  ] as const)('migrates a version %i database to the current schema, keeping its data', async (version, content) => {
    const path = join(dir, `v${version}.db`);
    createOldDatabase(path, version, content());
    const old = schemaOf(path);
    expect(old.userVersion).toBe(version);
    const fresh = await freshSchema();
    // Not the same yet: there is something for the migrations to do.
    expect(old.objects).not.toEqual(fresh.objects);

    const store = openStore(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    await expectContent(store, content());
    const snapshot = storeSnapshot(store);
    await store.close();
    expect(schemaOf(path)).toEqual(fresh);

    // Reopening migrates nothing more and changes nothing.
    const again = openStore(path);
    expect(storeSnapshot(again)).toBe(snapshot);
    await again.close();
    expect(schemaOf(path)).toEqual(fresh);
  });

  it('keeps a migrated database working: a submit moves its old counters, the change counter and history', async () => {
    const path = join(dir, 'v2.db');
    const content = v2Content();
    createOldDatabase(path, 2, content);
    const store = openStore(path);
    expect(await store.dataVersion(D)).toBe(0);

    const before = migrated(content.tasks.find((t) => t.id === 'xijiao-2026-2-annual') as OldTaskRecord);
    const after: TaskRecord = {
      ...before,
      status: 'submitted',
      version: before.version + 1,
      note: '已报送',
      firstSubmittedAt: '2026-12-01T02:00:00.000Z',
      firstSubmittedOn: '2026-12-01',
      submittedAt: '2026-12-01T02:00:00.000Z',
      updatedAt: '2026-12-01T02:00:00.000Z',
    };
    const submit = entry(after, 'submit', after.updatedAt, 'pending', 'submitted');
    await store.commitTaskChange({ before, after, history: [submit] });

    expect(await store.getTask(D, before.id)).toEqual(after);
    expect(await store.dataVersion(D)).toBe(1);
    expect(await store.listHistory(D, before.id)).toEqual([
      ...content.history.filter((h) => h.taskId === before.id),
      submit,
    ]);
    const tasks = content.tasks.map((t) => (t.id === after.id ? after : migrated(t)));
    expect((await store.listCounters(D, 2026)).sort(byKey(counterKey))).toEqual(
      countersFromTasks(tasks.filter((t) => t.year === 2026)).sort(byKey(counterKey)),
    );
    expect(() => store.db.prepare("UPDATE history SET comment = 'x'").run()).toThrow(/append-only/);

    const [added] = await store.addReminders([
      reminder('due-0|xijiao-2026-2-annual|2026-12-31|o-staff-xijiao', STAFF, 'due-0', {
        createdAt: '2026-12-31T01:00:00.000Z',
      }),
    ]);
    expect((await store.listReminders(D, STAFF, 1))[0]).toEqual(added);
    expect(await store.takeSubscriptionCredit(STAFF, TEMPLATE)).toBe(true);
    expect(await store.addSubscriptionCredits(STAFF, TEMPLATE, 0)).toBe(1);
  });

  it('refuses to open a database written by newer code, and leaves it as it was', () => {
    const path = join(dir, 'app.db');
    const db = new Database(path);
    db.exec("CREATE TABLE from_the_future (id TEXT PRIMARY KEY); INSERT INTO from_the_future VALUES ('kept');");
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = schemaOf(path);

    expect(() => new SqliteStore(path)).toThrow(StoreVersionError);
    expect(() => new SqliteStore(path)).toThrow(/请升级程序/);

    expect(schemaOf(path)).toEqual(before);
    const raw = new Database(path, { readonly: true });
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
      // Refused before anything was set: not even switched to WAL.
      expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(raw.prepare('SELECT id FROM from_the_future').all()).toEqual([{ id: 'kept' }]);
    } finally {
      raw.close();
    }
  });
});
