import type { Instant, OutboxRecord, ReminderRecord } from '../../../src/core/model';
import type { ReminderStore } from '../../../src/core/ports/Store';
import { runAtomic } from './atomic';
import type { CloudDatabase, CloudQueryCondition } from './cloudDatabaseTypes';
import { chunk, fetchAll, readDoc, toRecord } from './documents';

export const REMINDER_COLLECTIONS = {
  reminders: 'reminders',
  outbox: 'outbox',
  subscriptions: 'subscriptions',
} as const;

const reminderDocId = (reminder: Pick<ReminderRecord, 'districtId' | 'id'>) => `${reminder.districtId}|${reminder.id}`;
const outboxDocId = (entry: Pick<OutboxRecord, 'districtId' | 'id'>) => `${entry.districtId}|${entry.id}`;
const subscriptionDocId = (openid: string, templateId: string) => `${openid}|${templateId}`;

/** Reminders, the outbox and subscription credits in the cloud database (part of CloudDbStore). */
export class CloudDbReminders implements ReminderStore {
  constructor(private readonly db: CloudDatabase) {}

  /**
   * One look-up for which of them were raised before, then one write per new one: reminders are
   * raised by one daily run (and by single actions), never by two writers for the same id.
   */
  async addReminders(reminders: ReminderRecord[]): Promise<ReminderRecord[]> {
    const _ = this.db.command;
    const collection = this.db.collection(REMINDER_COLLECTIONS.reminders);
    const unique = [...new Map(reminders.map((reminder) => [reminderDocId(reminder), reminder])).entries()];
    const existing = new Set<string>();
    for (const part of chunk(unique, 100)) {
      const docs = await fetchAll(
        collection
          .where({ _id: _.in(part.map(([id]) => id)) })
          .orderBy('_id', 'asc')
          .field({ _id: true }),
      );
      for (const doc of docs) existing.add(doc._id as string);
    }
    const added: ReminderRecord[] = [];
    for (const [id, reminder] of unique) {
      if (existing.has(id)) continue;
      await collection.doc(id).set({ data: { ...reminder } });
      added.push(reminder);
    }
    return added;
  }

  async listReminders(districtId: string, openid: string, limit: number): Promise<ReminderRecord[]> {
    const { data } = await this.db
      .collection(REMINDER_COLLECTIONS.reminders)
      .where({ districtId, recipientOpenid: openid })
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.min(limit, 1000))
      .get();
    return (data as Array<Record<string, unknown>>).map((doc) => toRecord<ReminderRecord>(doc));
  }

  async markRemindersRead(districtId: string, openid: string, ids: string[] | 'all', at: Instant): Promise<number> {
    const condition: CloudQueryCondition = { districtId, recipientOpenid: openid, readAt: null };
    if (ids !== 'all') condition.id = this.db.command.in(ids);
    const unread = await fetchAll(
      this.db.collection(REMINDER_COLLECTIONS.reminders).where(condition).orderBy('id', 'asc'),
    );
    for (const doc of unread) {
      await this.db
        .collection(REMINDER_COLLECTIONS.reminders)
        .doc(doc._id as string)
        .update({ data: { readAt: at } });
    }
    return unread.length;
  }

  async addOutbox(entry: OutboxRecord): Promise<void> {
    await this.db
      .collection(REMINDER_COLLECTIONS.outbox)
      .doc(outboxDocId(entry))
      .set({ data: { ...entry, payload: entry.payload ?? null } });
  }

  async listOutbox(districtId: string, filter: { reminderId?: string } = {}): Promise<OutboxRecord[]> {
    const condition: CloudQueryCondition = { districtId };
    if (filter.reminderId !== undefined) condition.reminderId = filter.reminderId;
    const docs = await fetchAll(
      this.db.collection(REMINDER_COLLECTIONS.outbox).where(condition).orderBy('at', 'asc').orderBy('id', 'asc'),
    );
    return docs.map((doc) => toRecord<OutboxRecord>(doc));
  }

  async addSubscriptionCredits(openid: string, templateId: string, count: number): Promise<number> {
    return runAtomic(this.db, async (transaction) => {
      const ref = transaction.collection(REMINDER_COLLECTIONS.subscriptions).doc(subscriptionDocId(openid, templateId));
      const existing = await readDoc(ref);
      const credits = Math.max(0, ((existing?.credits as number | undefined) ?? 0) + count);
      await ref.set({ data: { openid, templateId, credits } });
      return credits;
    });
  }

  /** One conditional update (atomic on the document): a credit is taken only if one is left. */
  async takeSubscriptionCredit(openid: string, templateId: string): Promise<boolean> {
    const _ = this.db.command;
    const result = await this.db
      .collection(REMINDER_COLLECTIONS.subscriptions)
      .where({ _id: subscriptionDocId(openid, templateId), credits: _.gt(0) })
      .update({ data: { credits: _.inc(-1) } });
    return (result.stats?.updated ?? 0) > 0;
  }
}
