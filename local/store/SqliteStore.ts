import Database from 'better-sqlite3';
import { mkdirSync } from 'fs';
import { dirname } from 'path';
import type { HolidayCalendarData } from '../../src/core/calendar';
import { counterDeltas, type CounterField } from '../../src/core/counters';
import type {
  CatalogRecord,
  CounterRecord,
  DistrictRecord,
  EvidenceLink,
  EvidenceRecord,
  FileRecord,
  GuidanceRecord,
  HistoryEntry,
  InstructionRecord,
  InviteRecord,
  OutboxRecord,
  ReminderRecord,
  RequestRecord,
  Role,
  TaskRecord,
  UnitRecord,
  UserRecord,
} from '../../src/core/model';
import {
  StoreConflictError,
  type RedeemOutcome,
  type Store,
  type TaskChange,
  type TaskFilter,
} from '../../src/core/ports/Store';
import { assertKnownVersion, migrate } from './migrations';
import { SqliteReminders } from './SqliteReminders';
import * as rows from './rows';

type Row = Record<string, unknown>;
const COUNTER_COLUMN: Record<CounterField, string> = {
  pending: 'pending',
  submitted: 'submitted',
  approved: 'approved',
  returned: 'returned',
  onTime: 'on_time',
  exempt: 'exempt',
};

/**
 * The store of the local cloud: one SQLite file in WAL mode. Every workflow change is one SQLite
 * transaction, so the counters, the history and the task never disagree, and a committed write
 * survives the process being killed.
 */
export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly reminders: SqliteReminders;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    try {
      assertKnownVersion(this.db);
      this.db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a commit is in the WAL before it returns, so killing the process loses nothing.
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
      migrate(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.reminders = new SqliteReminders(this.db);
  }

  /** Prepared once per distinct SQL text: preparing is a large part of a small query's cost. */
  private readonly statements = new Map<string, Database.Statement>();

  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  private all(sql: string, params: unknown = {}): Row[] {
    return this.statement(sql).all(params as Record<string, unknown>) as Row[];
  }

  private one(sql: string, params: unknown = {}): Row | undefined {
    return this.statement(sql).get(params as Record<string, unknown>) as Row | undefined;
  }

  private run(sql: string, params: unknown = {}) {
    return this.statement(sql).run(params as Record<string, unknown>);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // ── directory ──────────────────────────────────────────────────────────────

  async getDistrict(districtId: string): Promise<DistrictRecord | null> {
    const row = this.one('SELECT * FROM districts WHERE id = @districtId', { districtId });
    return row ? districtFromRow(row) : null;
  }

  async listDistricts(): Promise<DistrictRecord[]> {
    return this.all('SELECT * FROM districts ORDER BY id').map(districtFromRow);
  }

  async saveDistrict(district: DistrictRecord): Promise<void> {
    this.run(
      `INSERT INTO districts (id, name, full_name, default_due_date, catalog, task_years, created_at)
       VALUES (@id, @name, @fullName, @defaultDueDate, @catalog, @taskYears, @createdAt)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, full_name = excluded.full_name,
         default_due_date = excluded.default_due_date, catalog = excluded.catalog, task_years = excluded.task_years`,
      { ...district, catalog: JSON.stringify(district.catalog), taskYears: JSON.stringify(district.taskYears) },
    );
  }

  async listUnits(districtId: string): Promise<UnitRecord[]> {
    return this.all('SELECT * FROM units WHERE district_id = @districtId ORDER BY rowid', { districtId }).map(
      rows.rowToUnit,
    );
  }

  async saveUnit(unit: UnitRecord): Promise<void> {
    const row = rows.unitToRow(unit);
    this.run(
      `${rows.insertSql('units', row)} ON CONFLICT (district_id, id) DO UPDATE SET name = excluded.name,
         kind = excluded.kind, tags = excluded.tags, aliases = excluded.aliases, disabled = excluded.disabled,
         updated_at = excluded.updated_at`,
      row,
    );
  }

  async getCalendar(): Promise<HolidayCalendarData | null> {
    const row = this.one('SELECT data FROM calendar WHERE id = 1');
    return row ? (JSON.parse(row.data as string) as HolidayCalendarData) : null;
  }

  async saveCalendar(calendar: HolidayCalendarData): Promise<void> {
    this.run('INSERT INTO calendar (id, data) VALUES (1, @data) ON CONFLICT (id) DO UPDATE SET data = excluded.data', {
      data: JSON.stringify(calendar),
    });
  }

  // ── published lists and guidance ───────────────────────────────────────────

  async listCatalogs(districtId: string): Promise<CatalogRecord[]> {
    return this.all('SELECT * FROM catalogs WHERE district_id = @districtId ORDER BY published_at, id', {
      districtId,
    }).map(rows.rowToCatalog);
  }

  async addCatalog(catalog: CatalogRecord, guidance: GuidanceRecord[]): Promise<void> {
    this.db.transaction(() => {
      const row = rows.catalogToRow(catalog);
      if (this.run(rows.insertSql('catalogs', row, 'INSERT OR IGNORE'), row).changes !== 1) {
        throw new StoreConflictError('catalog id already used');
      }
      for (const entry of guidance)
        this.upsertGuidance({ ...entry, districtId: catalog.districtId, catalogId: catalog.id });
    })();
  }

  async listGuidance(districtId: string, catalogId: string): Promise<GuidanceRecord[]> {
    return this.all(
      'SELECT * FROM guidance WHERE district_id = @districtId AND catalog_id = @catalogId ORDER BY item_no',
      { districtId, catalogId },
    ).map(rows.rowToGuidance);
  }

  async saveGuidance(guidance: GuidanceRecord): Promise<void> {
    this.upsertGuidance(guidance);
  }

  private upsertGuidance(guidance: GuidanceRecord): void {
    const row = rows.guidanceToRow(guidance);
    this.run(
      `${rows.insertSql('guidance', row)} ON CONFLICT (district_id, catalog_id, item_no) DO UPDATE SET
         text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
         updated_by_name = excluded.updated_by_name`,
      row,
    );
  }

  // ── users and invites ──────────────────────────────────────────────────────

  async getUser(openid: string): Promise<UserRecord | null> {
    const row = this.one('SELECT * FROM users WHERE openid = @openid', { openid });
    return row ? rows.rowToUser(row) : null;
  }

  async listUsers(districtId: string, filter: { unitId?: string; role?: Role } = {}): Promise<UserRecord[]> {
    return this.all(
      `SELECT * FROM users WHERE district_id = @districtId
         AND (@unitId IS NULL OR unit_id = @unitId) AND (@role IS NULL OR role = @role)
       ORDER BY unit_id, created_at, openid`,
      { districtId, unitId: filter.unitId ?? null, role: filter.role ?? null },
    ).map(rows.rowToUser);
  }

  async saveUser(user: UserRecord, expectedVersion: number | null): Promise<void> {
    const row = rows.userToRow(user);
    if (expectedVersion === null) {
      try {
        this.run(rows.insertSql('users', row), row);
      } catch (error) {
        if (isConstraintError(error)) throw new StoreConflictError('user already exists');
        throw error;
      }
      return;
    }
    const result = this.run(
      `UPDATE users SET district_id = @district_id, name = @name, role = @role, unit_id = @unit_id,
         disabled = @disabled, updated_at = @updated_at, version = @version
       WHERE openid = @openid AND version = @expected`,
      { ...row, expected: expectedVersion },
    );
    if (result.changes !== 1) throw new StoreConflictError('user changed since it was read');
  }

  async saveInvite(invite: InviteRecord): Promise<void> {
    const row = rows.inviteToRow(invite);
    this.run(`${rows.insertSql('invites', row)} ON CONFLICT (code) DO UPDATE SET uses = excluded.uses`, row);
  }

  async getInvite(code: string): Promise<InviteRecord | null> {
    const row = this.one('SELECT * FROM invites WHERE code = @code', { code });
    return row ? rows.rowToInvite(row) : null;
  }

  async redeemInvite(code: string, user: UserRecord, now: string): Promise<RedeemOutcome> {
    return this.db.transaction((): RedeemOutcome => {
      const invite = this.one('SELECT * FROM invites WHERE code = @code', { code });
      if (!invite) return 'not-found';
      if ((invite.expires_at as string) <= now) return 'expired';
      if ((invite.uses as number) >= (invite.max_uses as number)) return 'used-up';
      if (this.one('SELECT 1 FROM users WHERE openid = @openid', { openid: user.openid })) return 'already-bound';
      this.run('UPDATE invites SET uses = uses + 1 WHERE code = @code', { code });
      const row = rows.userToRow(user);
      this.run(rows.insertSql('users', row), row);
      return 'bound';
    })();
  }

  // ── tasks ──────────────────────────────────────────────────────────────────

  async getTask(districtId: string, id: string): Promise<TaskRecord | null> {
    const row = this.one('SELECT * FROM tasks WHERE district_id = @districtId AND id = @id', { districtId, id });
    return row ? rows.rowToTask(row) : null;
  }

  async listTasks(districtId: string, filter: TaskFilter): Promise<TaskRecord[]> {
    const where = ['district_id = @districtId'];
    const params: Record<string, unknown> = { districtId };
    if (filter.unitId !== undefined) {
      where.push('unit_id = @unitId');
      params.unitId = filter.unitId;
    }
    if (filter.year !== undefined) {
      where.push('year = @year');
      params.year = filter.year;
    }
    if (filter.dueBefore !== undefined) {
      where.push('due_date < @dueBefore');
      params.dueBefore = filter.dueBefore;
    }
    if (filter.statuses) {
      where.push(`status IN (SELECT value FROM json_each(@statuses))`);
      params.statuses = JSON.stringify(filter.statuses);
    }
    if (filter.itemNos) {
      where.push(`item_no IN (SELECT value FROM json_each(@itemNos))`);
      params.itemNos = JSON.stringify(filter.itemNos);
    }
    if (filter.openRequest) where.push('open_request IS NOT NULL');
    const limit = filter.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(filter.limit))}` : '';
    return this.all(
      `SELECT * FROM tasks WHERE ${where.join(' AND ')} ORDER BY due_date, item_no, id${limit}`,
      params,
    ).map(rows.rowToTask);
  }

  async listTaskIds(districtId: string, year: number): Promise<string[]> {
    return this.all('SELECT id FROM tasks WHERE district_id = @districtId AND year = @year ORDER BY id', {
      districtId,
      year,
    }).map((row) => row.id as string);
  }

  async insertTasks(tasks: TaskRecord[], history: (task: TaskRecord) => HistoryEntry): Promise<number> {
    if (tasks.length === 0) return 0;
    const insert = this.db.prepare(`${rows.insertSql('tasks', rows.taskToRow(tasks[0]), 'INSERT OR IGNORE')}`);
    return this.db.transaction(() => {
      let inserted = 0;
      for (const task of tasks) {
        if (insert.run(rows.taskToRow(task)).changes === 0) continue;
        inserted += 1;
        this.applyCounters(null, task);
        this.appendHistory(history(task));
        this.bumpVersion(task.districtId);
      }
      return inserted;
    })();
  }

  async commitTaskChange(change: TaskChange): Promise<void> {
    this.db.transaction(() => {
      const { after } = change;
      const before = change.before && change.before.version > 0 ? change.before : null;
      if (before === null) {
        const row = rows.taskToRow(after);
        if (this.run(`${rows.insertSql('tasks', row, 'INSERT OR IGNORE')}`, row).changes !== 1) {
          throw new StoreConflictError('task already exists');
        }
      } else {
        const row = rows.taskToRow(after);
        const assignments = Object.keys(row)
          .filter((column) => column !== 'district_id' && column !== 'id')
          .map((column) => `${column} = @${column}`)
          .join(', ');
        const result = this.run(
          `UPDATE tasks SET ${assignments} WHERE district_id = @district_id AND id = @id AND version = @expected`,
          { ...row, expected: before.version },
        );
        if (result.changes !== 1) throw new StoreConflictError('task changed since it was read');
      }
      if (change.request) {
        const request = change.request;
        const result = this.run(
          `INSERT OR IGNORE INTO requests (district_id, openid, request_id, action, result, created_at)
           VALUES (@districtId, @openid, @requestId, @action, @result, @createdAt)`,
          { ...request, result: JSON.stringify(request.result) },
        );
        if (result.changes !== 1) throw new StoreConflictError('request id already used');
      }
      if (change.addEvidence) {
        const row = rows.evidenceToRow(change.addEvidence);
        this.run(rows.insertSql('evidence', row), row);
      }
      if (change.link) {
        const row = rows.linkToRow(change.link);
        if (this.run(rows.insertSql('evidence_links', row, 'INSERT OR IGNORE'), row).changes !== 1) {
          throw new StoreConflictError('evidence already linked to the task');
        }
      }
      if (change.unlinkEvidenceId) {
        const result = this.run(
          'DELETE FROM evidence_links WHERE district_id = @districtId AND task_id = @taskId AND evidence_id = @evidenceId',
          { districtId: after.districtId, taskId: after.id, evidenceId: change.unlinkEvidenceId },
        );
        if (result.changes !== 1) throw new StoreConflictError('evidence was not linked to the task');
      }
      if (change.instruction) this.insertInstruction(change.instruction);
      for (const entry of change.history) this.appendHistory(entry);
      this.applyCounters(before, after);
      this.bumpVersion(after.districtId);
    })();
  }

  /** Counts every change to a district's tasks, so a summary cached for a version knows it is current. */
  private bumpVersion(districtId: string): void {
    this.run(
      `INSERT INTO district_versions (district_id, version) VALUES (@districtId, 1)
       ON CONFLICT (district_id) DO UPDATE SET version = version + 1`,
      { districtId },
    );
  }

  async dataVersion(districtId: string): Promise<number> {
    const row = this.one('SELECT version FROM district_versions WHERE district_id = @districtId', { districtId });
    return (row?.version as number | undefined) ?? 0;
  }

  private appendHistory(entry: HistoryEntry): void {
    const row = rows.historyToRow(entry);
    this.run(rows.insertSql('history', row), row);
  }

  private applyCounters(before: TaskRecord | null, after: TaskRecord | null): void {
    for (const delta of counterDeltas(before, after)) {
      const fields = Object.entries(delta.change) as Array<[CounterField, number]>;
      const columns = fields.map(([field]) => COUNTER_COLUMN[field]);
      this.run(
        `INSERT INTO counters (district_id, year, scope, due_date, ${columns.join(', ')})
         VALUES (@districtId, @year, @scope, @dueDate, ${columns.map((column) => `@${column}`).join(', ')})
         ON CONFLICT (district_id, year, scope, due_date) DO UPDATE SET
         ${columns.map((column) => `${column} = ${column} + excluded.${column}`).join(', ')}`,
        {
          districtId: delta.districtId,
          year: delta.year,
          scope: delta.scope,
          dueDate: delta.dueDate,
          ...Object.fromEntries(fields.map(([field, value]) => [COUNTER_COLUMN[field], value])),
        },
      );
    }
  }

  async listHistory(districtId: string, taskId: string): Promise<HistoryEntry[]> {
    return this.all('SELECT * FROM history WHERE district_id = @districtId AND task_id = @taskId ORDER BY seq', {
      districtId,
      taskId,
    }).map(rows.rowToHistory);
  }

  async getRequest(districtId: string, openid: string, requestId: string): Promise<RequestRecord | null> {
    const row = this.one(
      'SELECT * FROM requests WHERE district_id = @districtId AND openid = @openid AND request_id = @requestId',
      { districtId, openid, requestId },
    );
    if (!row) return null;
    return {
      districtId: row.district_id as string,
      openid: row.openid as string,
      requestId: row.request_id as string,
      action: row.action as string,
      result: JSON.parse(row.result as string),
      createdAt: row.created_at as string,
    };
  }

  async listCounters(districtId: string, year: number): Promise<CounterRecord[]> {
    return this.all(
      'SELECT * FROM counters WHERE district_id = @districtId AND year = @year ORDER BY scope, due_date',
      { districtId, year },
    ).map(rows.rowToCounter);
  }

  // ── instructions ───────────────────────────────────────────────────────────

  async addInstruction(instruction: InstructionRecord): Promise<void> {
    this.insertInstruction(instruction);
  }

  private insertInstruction(instruction: InstructionRecord): void {
    const row = rows.instructionToRow(instruction);
    if (this.run(rows.insertSql('instructions', row, 'INSERT OR IGNORE'), row).changes !== 1) {
      throw new StoreConflictError('instruction id already used');
    }
  }

  async listInstructions(
    districtId: string,
    filter: { unitId: string; taskId?: string; limit: number },
  ): Promise<InstructionRecord[]> {
    return this.all(
      `SELECT * FROM instructions WHERE district_id = @districtId AND unit_id = @unitId
         AND (@taskId IS NULL OR task_id IS NULL OR task_id = @taskId)
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
      {
        districtId,
        unitId: filter.unitId,
        taskId: filter.taskId ?? null,
        limit: Math.max(0, Math.floor(filter.limit)),
      },
    ).map(rows.rowToInstruction);
  }

  // ── reminders ──────────────────────────────────────────────────────────────

  addReminders(reminders: ReminderRecord[]): Promise<ReminderRecord[]> {
    return this.reminders.addReminders(reminders);
  }

  listReminders(districtId: string, openid: string, limit: number): Promise<ReminderRecord[]> {
    return this.reminders.listReminders(districtId, openid, limit);
  }

  markRemindersRead(districtId: string, openid: string, ids: string[] | 'all', at: string): Promise<number> {
    return this.reminders.markRemindersRead(districtId, openid, ids, at);
  }

  addOutbox(entry: OutboxRecord): Promise<void> {
    return this.reminders.addOutbox(entry);
  }

  listOutbox(districtId: string, filter?: { reminderId?: string }): Promise<OutboxRecord[]> {
    return this.reminders.listOutbox(districtId, filter);
  }

  addSubscriptionCredits(openid: string, templateId: string, count: number): Promise<number> {
    return this.reminders.addSubscriptionCredits(openid, templateId, count);
  }

  takeSubscriptionCredit(openid: string, templateId: string): Promise<boolean> {
    return this.reminders.takeSubscriptionCredit(openid, templateId);
  }

  // ── evidence and files ─────────────────────────────────────────────────────

  async getEvidence(districtId: string, evidenceId: string): Promise<EvidenceRecord | null> {
    const row = this.one('SELECT * FROM evidence WHERE district_id = @districtId AND id = @evidenceId', {
      districtId,
      evidenceId,
    });
    return row ? rows.rowToEvidence(row) : null;
  }

  async listEvidenceForTask(districtId: string, taskId: string): Promise<EvidenceRecord[]> {
    return this.all(
      `SELECT e.* FROM evidence_links l JOIN evidence e ON e.district_id = l.district_id AND e.id = l.evidence_id
       WHERE l.district_id = @districtId AND l.task_id = @taskId ORDER BY l.created_at, e.id`,
      { districtId, taskId },
    ).map(rows.rowToEvidence);
  }

  async listLinks(districtId: string, evidenceId: string): Promise<EvidenceLink[]> {
    return this.all(
      'SELECT * FROM evidence_links WHERE district_id = @districtId AND evidence_id = @evidenceId ORDER BY created_at',
      { districtId, evidenceId },
    ).map(rows.rowToLink);
  }

  async saveFile(file: FileRecord): Promise<void> {
    const row = rows.fileToRow(file);
    this.run(`${rows.insertSql('files', row, 'INSERT OR IGNORE')}`, row);
  }

  async getFile(fileId: string): Promise<FileRecord | null> {
    const row = this.one('SELECT * FROM files WHERE file_id = @fileId', { fileId });
    return row ? rows.rowToFile(row) : null;
  }
}

function districtFromRow(row: Row): DistrictRecord {
  return {
    id: row.id as string,
    name: row.name as string,
    fullName: row.full_name as string,
    defaultDueDate: row.default_due_date as string,
    catalog: JSON.parse(row.catalog as string),
    taskYears: JSON.parse(row.task_years as string),
    createdAt: row.created_at as string,
  };
}

/** By its code, not `instanceof`: the native module's errors may come from another realm (jest's vm). */
function isConstraintError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    String((error as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')
  );
}
