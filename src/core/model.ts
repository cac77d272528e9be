import type { Catalog } from './catalog/types';
import type { IsoDate } from './dates';
import type { ReminderKind } from './reminders';
import type { TaskKind } from './schedule/tasks';
import type { TaskStatus } from './status';
import type { Unit } from './units';

/** Records as the back end stores them. Every record carries its district: the tenant. */

export type Role = 'staff' | 'reviewer' | 'leader' | 'admin';

export const ROLE_LABEL: Record<Role, string> = {
  staff: '经办人',
  reviewer: '审核人',
  leader: '区领导',
  admin: '管理员',
};

/** An ISO 8601 instant in UTC, e.g. 2026-11-28T01:30:00.000Z. */
export type Instant = string;

export interface DistrictRecord {
  id: string;
  name: string;
  fullName: string;
  defaultDueDate: string;
  catalog: Catalog;
  /** Years whose tasks have been generated, with the fingerprint of the directory they came from. */
  taskYears: Record<string, string>;
  createdAt: Instant;
}

/**
 * A task list the admin published for some years (catalogs by year). A year's tasks come from the
 * latest list published for it; years no list names keep the district's own `catalog`. A list is
 * never changed once published: a corrected one is published anew, and takes the years it names.
 */
export interface CatalogRecord {
  districtId: string;
  id: string;
  /** The years it was published for (a later list for one of them takes that year). */
  years: number[];
  catalog: Catalog;
  publishedAt: Instant;
  publishedBy: string;
  publishedByName: string;
}

/** The id by which the district's own list (`DistrictRecord.catalog`) is named: guidance, views. */
export const BASE_CATALOG_ID = 'base';

/**
 * 佐证材料要求 of one item of one list, as a reviewer of its lead unit or the admin wrote it. An item
 * without one shows the importer's proposal; an empty text means "none".
 */
export interface GuidanceRecord {
  districtId: string;
  /** The list's id, or BASE_CATALOG_ID for the district's own list. */
  catalogId: string;
  itemNo: number;
  text: string;
  updatedAt: Instant;
  updatedBy: string;
  updatedByName: string;
}

export interface UnitRecord extends Unit {
  districtId: string;
  updatedAt: Instant;
}

export interface UserRecord {
  openid: string;
  districtId: string;
  name: string;
  role: Role;
  unitId: string;
  disabled: boolean;
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
}

export interface InviteRecord {
  code: string;
  districtId: string;
  unitId: string;
  role: Role;
  expiresAt: Instant;
  maxUses: number;
  uses: number;
  createdBy: string;
  createdAt: Instant;
}

export interface TaskRecord {
  id: string;
  districtId: string;
  unitId: string;
  itemNo: number;
  /** 一级 and 二级指标 of the item, kept on the task for the counters. */
  level1: number;
  level2: number;
  key: string;
  kind: TaskKind;
  year: number;
  dueDate: IsoDate;
  estimated: boolean;
  role: 'lead' | 'responsible';
  label: string;
  requirements: string[];
  eventDate: IsoDate | null;
  status: TaskStatus;
  /**
   * Bumped by every change; a change made from an older version is a conflict. 0 is a task derived
   * from the catalog and never stored: it is stored by the first thing that happens to it.
   */
  version: number;
  note: string;
  evidenceCount: number;
  firstSubmittedAt: Instant | null;
  /** Beijing date of the first submission: what the on-time rate compares with the due date. */
  firstSubmittedOn: IsoDate | null;
  submittedAt: Instant | null;
  reviewedAt: Instant | null;
  reviewedBy: string | null;
  reviewComment: string | null;
  /**
   * The status a submitted report was submitted from (pending or returned): what a withdrawal
   * goes back to. Null while nothing is submitted (and on tasks stored before withdrawals existed).
   */
  statusBeforeSubmit: 'pending' | 'returned' | null;
  /** When the last submission was withdrawn (撤回), until the next one. */
  withdrawnAt: Instant | null;
  /** The due date the task had before an approved 延期 moved `dueDate`; null while it never moved. */
  originalDueDate: IsoDate | null;
  /** The last 延期 request, open or decided; null if none was ever made. */
  extension: ExtensionRequest | null;
  /** The last 不涉及 request, open, decided or revoked; null if none was ever made. */
  exemption: ExemptionRequest | null;
  createdAt: Instant;
  updatedAt: Instant;
}

export type RequestDecision = 'approve' | 'refuse';
export type RequestStatus = 'pending' | 'approved' | 'refused';

/** Who made or decided a request, and when. */
interface RequestParties {
  requestedAt: Instant;
  requestedBy: string;
  requestedByName: string;
  decidedAt: Instant | null;
  decidedBy: string | null;
  decidedByName: string | null;
  /** The decider's comment: required for a refusal. */
  comment: string | null;
}

/** 延期: the unit asks its lead unit for a later due date; `dueDate` moves only on approval. */
export interface ExtensionRequest extends RequestParties {
  /** The date asked for. */
  dueDate: IsoDate;
  /** The task's due date when it was asked. */
  fromDueDate: IsoDate;
  reason: string;
  status: RequestStatus;
  /** Asked after the due date had passed. */
  late: boolean;
}

/** 不涉及: the unit asks its lead unit to agree the item does not apply to it this year. */
export interface ExemptionRequest extends RequestParties {
  reason: string;
  /** `revoked`: approved, then withdrawn by the lead unit (the task is pending again). */
  status: RequestStatus | 'revoked';
  revokedAt: Instant | null;
  revokedByName: string | null;
  revokeComment: string | null;
  /**
   * Set when the task was taken out because a list published for its year no longer gives it (its
   * item dropped, or its unit no longer assigned): the task, its evidence and history are kept,
   * out of every total, and come back as they were if a later list gives the task again.
   */
  catalogDrop?: { catalogId: string; fromStatus: TaskStatus; previous: Omit<ExemptionRequest, 'catalogDrop'> | null };
}

/** 领导批示: a leader's instruction on one task, or on a unit as a whole (taskId null). */
export interface InstructionRecord {
  id: string;
  districtId: string;
  unitId: string;
  taskId: string | null;
  text: string;
  authorOpenid: string;
  authorName: string;
  createdAt: Instant;
}

export type HistoryAction =
  | 'create'
  | 'event.record'
  | 'evidence.add'
  | 'evidence.link'
  | 'evidence.remove'
  | 'submit'
  | 'approve'
  | 'return'
  | 'withdraw'
  | 'urge'
  | 'extension.request'
  | 'extension.approve'
  | 'extension.refuse'
  | 'exemption.request'
  | 'exemption.approve'
  | 'exemption.refuse'
  | 'exemption.revoke'
  | 'instruction'
  /** A list published for the task's year changed its item (text, units or deadline). */
  | 'catalog.update'
  /** A list published for the task's year no longer gives the task (kept, out of every total). */
  | 'catalog.drop'
  /** A later list gives the task again: back as it was before it was dropped. */
  | 'catalog.restore'
  /** The holiday calendar of a year it depends on was set: its due date recomputed. */
  | 'calendar.update';

export interface HistoryEntry {
  districtId: string;
  taskId: string;
  at: Instant;
  actorOpenid: string;
  actorName: string;
  actorRole: Role | 'system';
  actorUnitId: string | null;
  action: HistoryAction;
  fromStatus: TaskStatus | null;
  toStatus: TaskStatus;
  comment: string | null;
  detail: string | null;
}

export interface EvidenceRecord {
  id: string;
  districtId: string;
  fileId: string;
  name: string;
  size: number;
  mime: string;
  unitId: string;
  uploadedBy: string;
  createdAt: Instant;
  /** The small version of a photo (made on the phone), shown in grids; null for documents. */
  thumbFileId: string | null;
}

export interface EvidenceLink {
  districtId: string;
  taskId: string;
  evidenceId: string;
  linkedBy: string;
  createdAt: Instant;
}

/** A file stored by the local cloud (in WeChat, cloud storage keeps files and this is its index). */
export interface FileRecord {
  fileId: string;
  districtId: string;
  ownerOpenid: string;
  unitId: string;
  sha256: string;
  size: number;
  mime: string;
  name: string;
  createdAt: Instant;
}

/** The first result of a request id, so a repeated submit returns it instead of acting twice. */
export interface RequestRecord {
  districtId: string;
  openid: string;
  requestId: string;
  action: string;
  result: unknown;
  createdAt: Instant;
}

/** Counts for one scope of one year and one due date: the rate buckets kept as counters. */
export interface CounterRecord {
  districtId: string;
  year: number;
  /**
   * district · unit:<id> · l1:<no> · l2:<no> · item:<no>; and for the monthly trend,
   * reported-in / approved-in, whose date is the first day of the month counted.
   */
  scope: string;
  dueDate: IsoDate;
  pending: number;
  submitted: number;
  approved: number;
  returned: number;
  onTime: number;
  /** 不涉及: counted apart, in no total and no rate. */
  exempt: number;
}

/** A reminder in a person's list in the app (and, in WeChat, a subscribe message if they allow it). */
export interface ReminderRecord {
  /** Deterministic: kind, task, day and person, so raising it twice keeps one. */
  id: string;
  districtId: string;
  recipientOpenid: string;
  unitId: string;
  taskId: string | null;
  kind: ReminderKind;
  /** 第3项 + the item's short title. */
  title: string;
  /** What to do, e.g. 3天后到期（12月31日），请及时报送. */
  message: string;
  dueDate: IsoDate | null;
  /** The Beijing date it was raised. */
  date: IsoDate;
  createdAt: Instant;
  readAt: Instant | null;
}

/** Every attempt to deliver a reminder outside the app, with what came of it. */
export interface OutboxRecord {
  id: string;
  districtId: string;
  reminderId: string;
  recipientOpenid: string;
  channel: 'subscribe' | 'local';
  templateId: string | null;
  status: 'sent' | 'failed' | 'skipped';
  detail: string;
  payload: unknown;
  at: Instant;
}
