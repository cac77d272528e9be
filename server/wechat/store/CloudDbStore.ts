import type { HolidayCalendarData } from '../../../src/core/calendar';
import type {
  CatalogRecord,
  CounterRecord,
  DistrictRecord,
  EvidenceLink,
  EvidenceRecord,
  FileRecord,
  GuidanceRecord,
  HistoryEntry,
  Instant,
  InstructionRecord,
  InviteRecord,
  OutboxRecord,
  ReminderRecord,
  RequestRecord,
  Role,
  TaskRecord,
  UnitRecord,
  UserRecord,
} from '../../../src/core/model';
import {
  StoreConflictError,
  type RedeemOutcome,
  type Store,
  type TaskChange,
  type TaskFilter,
} from '../../../src/core/ports/Store';
import { runAtomic } from './atomic';
import { sumShards } from './counterDocs';
import { CloudDbReminders } from './CloudDbReminders';
import type { CloudDatabase, CloudQueryCondition } from './cloudDatabaseTypes';
import {
  CALENDAR_DOC_ID,
  COLLECTIONS,
  catalogDocId,
  guidanceDocId,
  HIDDEN_FIELDS,
  districtDocId,
  evidenceDocId,
  fileDocId,
  instructionDocId,
  inviteDocId,
  requestDocId,
  taskDocId,
  unitDocId,
  userDocId,
} from './collections';
import { chunk, fetchAll, nextSequence, PAGE_SIZE, readDoc, toRecord, type StoredDoc } from './documents';
import { insertTaskBatch, taskFromDoc, writeTaskChange } from './taskWrites';

/** Tasks created per transaction by `insertTasks`: each batch is atomic, the whole call idempotent. */
const INSERT_BATCH = 25;
/** Ids per `command.in` look-up. */
const IN_BATCH = 100;

/**
 * The store of the WeChat cloud database (wx-server-sdk `cloud.database()`). Every list pages
 * through all results (a bare `get()` stops at 100); every write that must be atomic is one
 * `runTransaction` of single-document operations on deterministic `_id`s. Records come back
 * exactly as `model.ts` shapes them: no `_id`, no hidden fields.
 */
export class CloudDbStore implements Store {
  private readonly reminders: CloudDbReminders;

  constructor(private readonly db: CloudDatabase) {
    this.reminders = new CloudDbReminders(db);
  }

  // ── reminders (CloudDbReminders) ───────────────────────────────────────────

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

  private collection(name: string) {
    return this.db.collection(name);
  }

  private async readRecord<T>(collection: string, id: string, hidden: readonly string[] = []): Promise<T | null> {
    const doc = await readDoc(this.collection(collection).doc(id));
    return doc ? toRecord<T>(doc, hidden) : null;
  }

  async close(): Promise<void> {}

  // ── directory ──────────────────────────────────────────────────────────────

  getDistrict(districtId: string): Promise<DistrictRecord | null> {
    return this.readRecord<DistrictRecord>(COLLECTIONS.districts, districtDocId(districtId));
  }

  async listDistricts(): Promise<DistrictRecord[]> {
    const docs = await fetchAll(this.collection(COLLECTIONS.districts).orderBy('id', 'asc'));
    return docs.map((doc) => toRecord<DistrictRecord>(doc));
  }

  /** Creates or updates a district; its `createdAt` stays the first one. */
  async saveDistrict(district: DistrictRecord): Promise<void> {
    await runAtomic(this.db, async (transaction) => {
      const ref = transaction.collection(COLLECTIONS.districts).doc(districtDocId(district.id));
      const existing = await readDoc(ref);
      await ref.set({ data: { ...district, createdAt: existing?.createdAt ?? district.createdAt } });
    });
  }

  async listUnits(districtId: string): Promise<UnitRecord[]> {
    const docs = await fetchAll(
      this.collection(COLLECTIONS.units).where({ districtId }).orderBy(HIDDEN_FIELDS.seq, 'asc').orderBy('id', 'asc'),
    );
    return docs.map((doc) => toRecord<UnitRecord>(doc, [HIDDEN_FIELDS.seq]));
  }

  /** Creates or updates a unit in place: the directory keeps the order units were first added in. */
  async saveUnit(unit: UnitRecord): Promise<void> {
    await runAtomic(this.db, async (transaction) => {
      const ref = transaction.collection(COLLECTIONS.units).doc(unitDocId(unit.districtId, unit.id));
      const existing = await readDoc(ref);
      const seq = typeof existing?.seq === 'number' ? existing.seq : nextSequence();
      await ref.set({ data: { ...unit, [HIDDEN_FIELDS.seq]: seq } });
    });
  }

  async getCalendar(): Promise<HolidayCalendarData | null> {
    const doc = await readDoc(this.collection(COLLECTIONS.calendar).doc(CALENDAR_DOC_ID));
    return doc ? (doc.calendar as HolidayCalendarData) : null;
  }

  async saveCalendar(calendar: HolidayCalendarData): Promise<void> {
    await this.collection(COLLECTIONS.calendar).doc(CALENDAR_DOC_ID).set({ data: { calendar } });
  }

  // ── published lists and guidance ───────────────────────────────────────────

  async listCatalogs(districtId: string): Promise<CatalogRecord[]> {
    const docs = await fetchAll(
      this.collection(COLLECTIONS.catalogs).where({ districtId }).orderBy('publishedAt', 'asc').orderBy('id', 'asc'),
    );
    return docs.map((doc) => toRecord<CatalogRecord>(doc));
  }

  /** The list and the guidance it starts with, in one transaction. */
  async addCatalog(catalog: CatalogRecord, guidance: GuidanceRecord[]): Promise<void> {
    await runAtomic(this.db, async (transaction) => {
      const ref = transaction.collection(COLLECTIONS.catalogs).doc(catalogDocId(catalog.districtId, catalog.id));
      if (await readDoc(ref)) throw new StoreConflictError('catalog id already used');
      await ref.set({ data: { ...catalog } });
      for (const entry of guidance) {
        const record = { ...entry, districtId: catalog.districtId, catalogId: catalog.id };
        await transaction
          .collection(COLLECTIONS.guidance)
          .doc(guidanceDocId(record.districtId, record.catalogId, record.itemNo))
          .set({ data: record });
      }
    });
  }

  async listGuidance(districtId: string, catalogId: string): Promise<GuidanceRecord[]> {
    const docs = await fetchAll(
      this.collection(COLLECTIONS.guidance).where({ districtId, catalogId }).orderBy('itemNo', 'asc'),
    );
    return docs.map((doc) => toRecord<GuidanceRecord>(doc));
  }

  async saveGuidance(guidance: GuidanceRecord): Promise<void> {
    await this.collection(COLLECTIONS.guidance)
      .doc(guidanceDocId(guidance.districtId, guidance.catalogId, guidance.itemNo))
      .set({ data: { ...guidance } });
  }

  // ── users and invites ──────────────────────────────────────────────────────

  getUser(openid: string): Promise<UserRecord | null> {
    return this.readRecord<UserRecord>(COLLECTIONS.users, userDocId(openid));
  }

  async listUsers(districtId: string, filter: { unitId?: string; role?: Role } = {}): Promise<UserRecord[]> {
    const condition: CloudQueryCondition = { districtId };
    if (filter.unitId !== undefined) condition.unitId = filter.unitId;
    if (filter.role !== undefined) condition.role = filter.role;
    const docs = await fetchAll(
      this.collection(COLLECTIONS.users)
        .where(condition)
        .orderBy('unitId', 'asc')
        .orderBy('createdAt', 'asc')
        .orderBy('openid', 'asc'),
    );
    return docs.map((doc) => toRecord<UserRecord>(doc));
  }

  async saveUser(user: UserRecord, expectedVersion: number | null): Promise<void> {
    await runAtomic(this.db, async (transaction) => {
      const ref = transaction.collection(COLLECTIONS.users).doc(userDocId(user.openid));
      const existing = await readDoc(ref);
      if (expectedVersion === null && existing) throw new StoreConflictError('user already exists');
      if (expectedVersion !== null && existing?.version !== expectedVersion) {
        throw new StoreConflictError('user changed since it was read');
      }
      await ref.set({ data: { ...user } });
    });
  }

  /** Creates an invite; saving one that exists only updates its `uses`. */
  async saveInvite(invite: InviteRecord): Promise<void> {
    await runAtomic(this.db, async (transaction) => {
      const ref = transaction.collection(COLLECTIONS.invites).doc(inviteDocId(invite.code));
      if (await readDoc(ref)) await ref.update({ data: { uses: invite.uses } });
      else await ref.set({ data: { ...invite } });
    });
  }

  getInvite(code: string): Promise<InviteRecord | null> {
    return this.readRecord<InviteRecord>(COLLECTIONS.invites, inviteDocId(code));
  }

  redeemInvite(code: string, user: UserRecord, now: Instant): Promise<RedeemOutcome> {
    return runAtomic(this.db, async (transaction): Promise<RedeemOutcome> => {
      const inviteRef = transaction.collection(COLLECTIONS.invites).doc(inviteDocId(code));
      const invite = await readDoc(inviteRef);
      if (!invite) return 'not-found';
      if ((invite.expiresAt as string) <= now) return 'expired';
      if ((invite.uses as number) >= (invite.maxUses as number)) return 'used-up';
      const userRef = transaction.collection(COLLECTIONS.users).doc(userDocId(user.openid));
      if (await readDoc(userRef)) return 'already-bound';
      // Written, not only read: a racing redemption then conflicts on the invite and re-reads it.
      await inviteRef.update({ data: { uses: (invite.uses as number) + 1 } });
      await userRef.set({ data: { ...user } });
      return 'bound';
    });
  }

  // ── tasks ──────────────────────────────────────────────────────────────────

  async getTask(districtId: string, id: string): Promise<TaskRecord | null> {
    const doc = await readDoc(this.collection(COLLECTIONS.tasks).doc(taskDocId({ districtId, id })));
    return doc ? taskFromDoc(doc) : null;
  }

  async listTasks(districtId: string, filter: TaskFilter): Promise<TaskRecord[]> {
    const _ = this.db.command;
    const condition: CloudQueryCondition = { districtId };
    if (filter.unitId !== undefined) condition.unitId = filter.unitId;
    if (filter.year !== undefined) condition.year = filter.year;
    if (filter.statuses !== undefined) condition.status = _.in(filter.statuses);
    if (filter.itemNos !== undefined) condition.itemNo = _.in(filter.itemNos);
    if (filter.dueBefore !== undefined) condition.dueDate = _.lt(filter.dueBefore);
    if (filter.openRequest) condition[HIDDEN_FIELDS.openRequest] = _.in(['extension', 'exemption']);
    const query = this.collection(COLLECTIONS.tasks)
      .where(condition)
      .orderBy('dueDate', 'asc')
      .orderBy('itemNo', 'asc')
      .orderBy('id', 'asc');
    const docs =
      filter.limit !== undefined && filter.limit <= PAGE_SIZE
        ? ((await query.limit(filter.limit).get()).data as StoredDoc[])
        : (await fetchAll(query)).slice(0, filter.limit);
    return docs.map(taskFromDoc);
  }

  async listTaskIds(districtId: string, year: number): Promise<string[]> {
    const docs = await fetchAll(
      this.collection(COLLECTIONS.tasks).where({ districtId, year }).orderBy('id', 'asc').field({ id: true }),
    );
    return docs.map((doc) => doc.id as string);
  }

  /** The `_id`s of those tasks already stored, looked up outside any transaction. */
  private async storedTaskIds(tasks: TaskRecord[]): Promise<Set<string>> {
    const _ = this.db.command;
    const stored = new Set<string>();
    const byDistrict = new Map<string, string[]>();
    for (const task of tasks) byDistrict.set(task.districtId, [...(byDistrict.get(task.districtId) ?? []), task.id]);
    for (const [districtId, ids] of byDistrict) {
      for (const part of chunk(ids, IN_BATCH)) {
        const docs = await fetchAll(
          this.collection(COLLECTIONS.tasks)
            .where({ districtId, id: _.in(part) })
            .orderBy('id', 'asc')
            .field({ districtId: true, id: true }),
        );
        for (const doc of docs) stored.add(taskDocId(doc as { districtId: string; id: string }));
      }
    }
    return stored;
  }

  /**
   * Creates the tasks not there yet. Each batch of tasks is one transaction (tasks, first history
   * entries, counters); a batch re-checks inside its transaction, so racing calls create each once.
   */
  async insertTasks(tasks: TaskRecord[], history: (task: TaskRecord) => HistoryEntry): Promise<number> {
    const unique = new Map<string, TaskRecord>();
    for (const task of tasks) if (!unique.has(taskDocId(task))) unique.set(taskDocId(task), task);
    const stored = await this.storedTaskIds([...unique.values()]);
    const missing = [...unique.entries()].filter(([id]) => !stored.has(id)).map(([, task]) => task);
    let created = 0;
    for (const batch of chunk(missing, INSERT_BATCH)) {
      created += await runAtomic(this.db, (transaction) =>
        insertTaskBatch(transaction, this.db.command, batch, history),
      );
    }
    return created;
  }

  async commitTaskChange(change: TaskChange): Promise<void> {
    await runAtomic(this.db, (transaction) => writeTaskChange(transaction, this.db.command, change));
  }

  async listHistory(districtId: string, taskId: string): Promise<HistoryEntry[]> {
    const docs = await fetchAll(
      this.collection(COLLECTIONS.history)
        .where({ districtId, taskId })
        .orderBy('at', 'asc')
        .orderBy(HIDDEN_FIELDS.seq, 'asc'),
    );
    return docs.map((doc) => toRecord<HistoryEntry>(doc, [HIDDEN_FIELDS.seq]));
  }

  getRequest(districtId: string, openid: string, requestId: string): Promise<RequestRecord | null> {
    return this.readRecord<RequestRecord>(COLLECTIONS.requests, requestDocId({ districtId, openid, requestId }));
  }

  async listCounters(districtId: string, year: number): Promise<CounterRecord[]> {
    const shards = await fetchAll(
      this.collection(COLLECTIONS.counters).where({ districtId, year }).orderBy('unitId', 'asc'),
    );
    return sumShards(districtId, year, shards);
  }

  // ── instructions ───────────────────────────────────────────────────────────

  async addInstruction(instruction: InstructionRecord): Promise<void> {
    await runAtomic(this.db, async (transaction) => {
      const ref = transaction
        .collection(COLLECTIONS.instructions)
        .doc(instructionDocId(instruction.districtId, instruction.id));
      if (await readDoc(ref)) throw new StoreConflictError('instruction id already used');
      await ref.set({ data: { ...instruction } });
    });
  }

  /** A unit has few instructions (a handful a year): read them all, newest first, and pick. */
  async listInstructions(
    districtId: string,
    filter: { unitId: string; taskId?: string; limit: number },
  ): Promise<InstructionRecord[]> {
    const docs = await fetchAll(
      this.collection(COLLECTIONS.instructions)
        .where({ districtId, unitId: filter.unitId })
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc'),
    );
    return docs
      .map((doc) => toRecord<InstructionRecord>(doc))
      .filter((record) => filter.taskId === undefined || record.taskId === null || record.taskId === filter.taskId)
      .slice(0, Math.max(0, Math.floor(filter.limit)));
  }

  // ── evidence and files ─────────────────────────────────────────────────────

  getEvidence(districtId: string, evidenceId: string): Promise<EvidenceRecord | null> {
    return this.readRecord<EvidenceRecord>(COLLECTIONS.evidence, evidenceDocId(districtId, evidenceId));
  }

  /** The evidence linked to a task, in the order it was linked. */
  async listEvidenceForTask(districtId: string, taskId: string): Promise<EvidenceRecord[]> {
    const _ = this.db.command;
    const links = await fetchAll(
      this.collection(COLLECTIONS.links)
        .where({ districtId, taskId })
        .orderBy('createdAt', 'asc')
        .orderBy('evidenceId', 'asc'),
    );
    const ids = links.map((link) => link.evidenceId as string);
    const byId = new Map<string, StoredDoc>();
    for (const part of chunk(ids, IN_BATCH)) {
      const docs = await fetchAll(
        this.collection(COLLECTIONS.evidence)
          .where({ districtId, id: _.in(part) })
          .orderBy('id', 'asc'),
      );
      for (const doc of docs) byId.set(doc.id as string, doc);
    }
    return ids.flatMap((id) => {
      const doc = byId.get(id);
      return doc ? [toRecord<EvidenceRecord>(doc)] : [];
    });
  }

  async listLinks(districtId: string, evidenceId: string): Promise<EvidenceLink[]> {
    const docs = await fetchAll(
      this.collection(COLLECTIONS.links)
        .where({ districtId, evidenceId })
        .orderBy('createdAt', 'asc')
        .orderBy('taskId', 'asc'),
    );
    return docs.map((doc) => toRecord<EvidenceLink>(doc));
  }

  /** Keeps the first record of a file id (a file's index entry never changes). */
  async saveFile(file: FileRecord): Promise<void> {
    await runAtomic(this.db, async (transaction) => {
      const ref = transaction.collection(COLLECTIONS.files).doc(fileDocId(file.fileId));
      if (!(await readDoc(ref))) await ref.set({ data: { ...file } });
    });
  }

  getFile(fileId: string): Promise<FileRecord | null> {
    return this.readRecord<FileRecord>(COLLECTIONS.files, fileDocId(fileId));
  }
}
