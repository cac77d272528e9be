import type { HolidayCalendarData } from '../calendar';
import type { IsoDate } from '../dates';
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
} from '../model';
import type { TaskStatus } from '../status';

/**
 * The back end's storage, by role. Two adapters implement all of it: `SqliteStore` (the local
 * cloud) and `CloudDbStore` (the WeChat cloud database); one contract suite runs against both.
 * Every method is scoped by district, the tenant.
 */

/** A write lost a race: the record changed since it was read (or a request id was already used). */
export class StoreConflictError extends Error {
  constructor(message = 'the record changed since it was read') {
    super(message);
    this.name = 'StoreConflictError';
  }
}

/** A newer schema than this code knows: never open it. */
export class StoreVersionError extends Error {}

export interface DirectoryStore {
  getDistrict(districtId: string): Promise<DistrictRecord | null>;
  listDistricts(): Promise<DistrictRecord[]>;
  saveDistrict(district: DistrictRecord): Promise<void>;
  listUnits(districtId: string): Promise<UnitRecord[]>;
  saveUnit(unit: UnitRecord): Promise<void>;
  /** The national holiday calendar (not per district). */
  getCalendar(): Promise<HolidayCalendarData | null>;
  saveCalendar(calendar: HolidayCalendarData): Promise<void>;
}

/** The task lists published for years (catalogs by year) and each item's 佐证材料要求. */
export interface CatalogStore {
  /** A district's published lists, oldest first (by `publishedAt`, then id). */
  listCatalogs(districtId: string): Promise<CatalogRecord[]>;
  /**
   * Adds a published list with the guidance it starts with (carried over from the list it takes
   * the years of), all at once; StoreConflictError when its id is taken. Lists never change.
   */
  addCatalog(catalog: CatalogRecord, guidance: GuidanceRecord[]): Promise<void>;
  /** The guidance written for the items of one list (by item number). */
  listGuidance(districtId: string, catalogId: string): Promise<GuidanceRecord[]>;
  /** Writes (or replaces) one item's guidance. */
  saveGuidance(guidance: GuidanceRecord): Promise<void>;
}

export type RedeemOutcome = 'bound' | 'not-found' | 'expired' | 'used-up' | 'already-bound';

export interface UserStore {
  /** A WeChat user belongs to one district, so the openid alone finds them. */
  getUser(openid: string): Promise<UserRecord | null>;
  listUsers(districtId: string, filter?: { unitId?: string; role?: Role }): Promise<UserRecord[]>;
  /** `expectedVersion` null creates; otherwise the stored version must match (else conflict). */
  saveUser(user: UserRecord, expectedVersion: number | null): Promise<void>;
  saveInvite(invite: InviteRecord): Promise<void>;
  getInvite(code: string): Promise<InviteRecord | null>;
  /** Atomically: the invite is valid at `now` and not used up, the user is new; uses + 1, user saved. */
  redeemInvite(code: string, user: UserRecord, now: Instant): Promise<RedeemOutcome>;
}

export interface TaskFilter {
  unitId?: string;
  year?: number;
  statuses?: TaskStatus[];
  itemNos?: number[];
  /** Only tasks due strictly before this date. */
  dueBefore?: IsoDate;
  /** Only tasks with a 延期 or 不涉及 request waiting for the lead unit's decision. */
  openRequest?: boolean;
  /** At most this many, in the list's order (due date, item, id). */
  limit?: number;
}

/** Everything one workflow step writes, applied all at once or not at all. */
export interface TaskChange {
  /**
   * The task as read (its version is checked). Null, or a derived task (version 0), creates
   * `after`: a conflict when a task with its id is stored already.
   */
  before: TaskRecord | null;
  after: TaskRecord;
  history: HistoryEntry[];
  /** Remembered so that the same request id returns this result instead of acting again. */
  request?: RequestRecord;
  addEvidence?: EvidenceRecord;
  link?: EvidenceLink;
  unlinkEvidenceId?: string;
  /** A leader's instruction on this task, kept with the history entry that tells of it. */
  instruction?: InstructionRecord;
}

export interface TaskStore {
  getTask(districtId: string, id: string): Promise<TaskRecord | null>;
  listTasks(districtId: string, filter: TaskFilter): Promise<TaskRecord[]>;
  /** The ids of a year's stored tasks (what derived tasks are not, any more). */
  listTaskIds(districtId: string, year: number): Promise<string[]>;
  /** Creates the tasks not yet there (by id) with their counters and history; returns how many. */
  insertTasks(tasks: TaskRecord[], history: (task: TaskRecord) => HistoryEntry): Promise<number>;
  /** Applies a change atomically, counters included; StoreConflictError when it lost a race. */
  commitTaskChange(change: TaskChange): Promise<void>;
  listHistory(districtId: string, taskId: string): Promise<HistoryEntry[]>;
  getRequest(districtId: string, openid: string, requestId: string): Promise<RequestRecord | null>;
  listCounters(districtId: string, year: number): Promise<CounterRecord[]>;
  /**
   * A number that changes with every change to the district's tasks, where the adapter can keep one
   * cheaply (SQLite). Summaries computed at a version stay valid until it moves.
   */
  dataVersion?(districtId: string): Promise<number>;
}

export interface EvidenceStore {
  getEvidence(districtId: string, evidenceId: string): Promise<EvidenceRecord | null>;
  listEvidenceForTask(districtId: string, taskId: string): Promise<EvidenceRecord[]>;
  listLinks(districtId: string, evidenceId: string): Promise<EvidenceLink[]>;
  saveFile(file: FileRecord): Promise<void>;
  getFile(fileId: string): Promise<FileRecord | null>;
}

export interface ReminderStore {
  /** Adds the reminders whose id is new; returns those it added (the others were raised before). */
  addReminders(reminders: ReminderRecord[]): Promise<ReminderRecord[]>;
  /** A person's reminders, newest first. */
  listReminders(districtId: string, openid: string, limit: number): Promise<ReminderRecord[]>;
  /** Marks the given reminders (or all with 'all') of a person read; returns how many changed. */
  markRemindersRead(districtId: string, openid: string, ids: string[] | 'all', at: Instant): Promise<number>;
  addOutbox(entry: OutboxRecord): Promise<void>;
  listOutbox(districtId: string, filter?: { reminderId?: string }): Promise<OutboxRecord[]>;
  /** One-time subscriptions: each acceptance allows one message. Returns the new balance. */
  addSubscriptionCredits(openid: string, templateId: string, count: number): Promise<number>;
  /** Takes one credit if there is one (atomically); false when none is left. */
  takeSubscriptionCredit(openid: string, templateId: string): Promise<boolean>;
}

/** 领导批示, per unit: on the unit as a whole or on one of its tasks. */
export interface InstructionStore {
  /** An instruction on a unit (one on a task is written by `commitTaskChange`, with its history). */
  addInstruction(instruction: InstructionRecord): Promise<void>;
  /**
   * A unit's instructions, newest first, at most `limit`; with `taskId`, only those on the unit as
   * a whole and those on that task.
   */
  listInstructions(
    districtId: string,
    filter: { unitId: string; taskId?: string; limit: number },
  ): Promise<InstructionRecord[]>;
}

export interface Store
  extends DirectoryStore, CatalogStore, UserStore, TaskStore, EvidenceStore, ReminderStore, InstructionStore {
  close(): Promise<void>;
}
