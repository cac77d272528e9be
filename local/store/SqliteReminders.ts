import type Database from 'better-sqlite3';
import type { Instant, OutboxRecord, ReminderRecord } from '../../src/core/model';
import type { ReminderStore } from '../../src/core/ports/Store';

type Row = Record<string, unknown>;

const rowToReminder = (row: Row): ReminderRecord => ({
  id: row.id as string,
  districtId: row.district_id as string,
  recipientOpenid: row.recipient_openid as string,
  unitId: row.unit_id as string,
  taskId: (row.task_id as string | null) ?? null,
  kind: row.kind as ReminderRecord['kind'],
  title: row.title as string,
  message: row.message as string,
  dueDate: (row.due_date as string | null) ?? null,
  date: row.date as string,
  createdAt: row.created_at as string,
  readAt: (row.read_at as string | null) ?? null,
});

const rowToOutbox = (row: Row): OutboxRecord => ({
  id: row.id as string,
  districtId: row.district_id as string,
  reminderId: row.reminder_id as string,
  recipientOpenid: row.recipient_openid as string,
  channel: row.channel as OutboxRecord['channel'],
  templateId: (row.template_id as string | null) ?? null,
  status: row.status as OutboxRecord['status'],
  detail: row.detail as string,
  payload: JSON.parse(row.payload as string),
  at: row.at as string,
});

/** Reminders, the outbox and subscription credits in SQLite (part of SqliteStore). */
export class SqliteReminders implements ReminderStore {
  constructor(private readonly db: Database.Database) {}

  async addReminders(reminders: ReminderRecord[]): Promise<ReminderRecord[]> {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO reminders (id, district_id, recipient_openid, unit_id, task_id, kind, title, message,
         due_date, date, created_at, read_at)
       VALUES (@id, @districtId, @recipientOpenid, @unitId, @taskId, @kind, @title, @message, @dueDate, @date,
         @createdAt, @readAt)`,
    );
    return this.db.transaction(() => reminders.filter((reminder) => insert.run(reminder).changes === 1))();
  }

  async listReminders(districtId: string, openid: string, limit: number): Promise<ReminderRecord[]> {
    return (
      this.db
        .prepare(
          `SELECT * FROM reminders WHERE district_id = ? AND recipient_openid = ?
           ORDER BY created_at DESC, id DESC LIMIT ?`,
        )
        .all(districtId, openid, limit) as Row[]
    ).map(rowToReminder);
  }

  async markRemindersRead(districtId: string, openid: string, ids: string[] | 'all', at: Instant): Promise<number> {
    const base = 'UPDATE reminders SET read_at = ? WHERE district_id = ? AND recipient_openid = ? AND read_at IS NULL';
    if (ids === 'all') return this.db.prepare(base).run(at, districtId, openid).changes;
    return this.db
      .prepare(`${base} AND id IN (SELECT value FROM json_each(?))`)
      .run(at, districtId, openid, JSON.stringify(ids)).changes;
  }

  async addOutbox(entry: OutboxRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO outbox (id, district_id, reminder_id, recipient_openid, channel, template_id, status, detail,
           payload, at)
         VALUES (@id, @districtId, @reminderId, @recipientOpenid, @channel, @templateId, @status, @detail, @payload, @at)`,
      )
      .run({ ...entry, payload: JSON.stringify(entry.payload ?? null) });
  }

  async listOutbox(districtId: string, filter: { reminderId?: string } = {}): Promise<OutboxRecord[]> {
    return (
      this.db
        .prepare(`SELECT * FROM outbox WHERE district_id = ? AND (? IS NULL OR reminder_id = ?) ORDER BY at, id`)
        .all(districtId, filter.reminderId ?? null, filter.reminderId ?? null) as Row[]
    ).map(rowToOutbox);
  }

  async addSubscriptionCredits(openid: string, templateId: string, count: number): Promise<number> {
    this.db
      .prepare(
        `INSERT INTO subscriptions (openid, template_id, credits) VALUES (?, ?, ?)
         ON CONFLICT (openid, template_id) DO UPDATE SET credits = MAX(0, credits + excluded.credits)`,
      )
      .run(openid, templateId, count);
    const row = this.db
      .prepare('SELECT credits FROM subscriptions WHERE openid = ? AND template_id = ?')
      .get(openid, templateId) as Row;
    return row.credits as number;
  }

  async takeSubscriptionCredit(openid: string, templateId: string): Promise<boolean> {
    const result = this.db
      .prepare('UPDATE subscriptions SET credits = credits - 1 WHERE openid = ? AND template_id = ? AND credits > 0')
      .run(openid, templateId);
    return result.changes === 1;
  }
}
