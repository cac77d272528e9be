import type { CatalogProblem, DraftItem } from '../core/catalog/preview';
import type { CatalogSource, IndicatorLevel1, Schedule } from '../core/catalog/types';
import type { ExemptionRequest, ExtensionRequest, Role } from '../core/model';
import type { Rates } from '../core/rates';
import type { ReminderKind } from '../core/reminders';
import type { Light, TaskStatus } from '../core/status';
import type { UnitKind } from '../core/units';

/** What the server answers, reply by reply: the parts of `Actions` in ./actions.ts. */

export interface SessionUser {
  openid: string;
  name: string;
  role: Role;
  unitId: string;
  disabled: boolean;
}

export type { ExemptionRequest, ExtensionRequest };

/** The page the app opens on, until the person has chosen a tab of their own. */
export type Landing = 'tasks' | 'review' | 'dashboard' | 'manage';

export interface Session {
  user: SessionUser | null;
  unit: { id: string; name: string; kind: UnitKind } | null;
  district: { id: string; name: string; fullName: string } | null;
  /** The years the district has tasks for (from the year it began using the system): what to offer. */
  years: number[];
  /** Items waiting in the caller's review queue (reports and requests); null for roles without one. */
  reviewQueueCount: number | null;
  /** leader → 全区进展, admin → 管理, reviewer with a non-empty queue → 审核, otherwise the task list. */
  landing: Landing;
}

export interface DemoIdentity {
  openid: string;
  name: string;
  role: Role;
  unitId: string;
  unitName: string;
  unitKind: UnitKind | null;
}

export interface TaskSummary {
  id: string;
  unitId: string;
  unitName: string;
  itemNo: number;
  title: string;
  label: string;
  indicator: string;
  role: 'lead' | 'responsible';
  kind: 'fixed' | 'annual' | 'target' | 'event';
  dueDate: string;
  estimated: boolean;
  status: TaskStatus;
  light: Light;
  evidenceCount: number;
  reviewComment: string | null;
  version: number;
  /** The due date before an approved 延期 moved `dueDate` (shown as 原定); null if it never moved. */
  originalDueDate: string | null;
  /** A 延期 or 不涉及 request waiting for the lead unit. */
  openRequest: 'extension' | 'exemption' | null;
}

/** 领导批示, on a unit as a whole (taskId null) or on one of its tasks. */
export interface Instruction {
  id: string;
  unitId: string;
  unitName: string;
  taskId: string | null;
  text: string;
  authorName: string;
  createdAt: string;
}

export interface TaskList {
  unitId: string;
  unitName: string;
  year: number;
  today: string;
  tasks: TaskSummary[];
  /** The unit's latest instructions (on it or on its tasks), newest first: shown above the list. */
  instructions: Instruction[];
}

export interface TaskDetailTask extends TaskSummary {
  note: string;
  requirements: string[];
  eventDate: string | null;
  year: number;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  /** When the last submission was withdrawn, until the next one. */
  withdrawnAt: string | null;
  extension: ExtensionRequest | null;
  exemption: ExemptionRequest | null;
  /** The lead units that review its reports and decide its requests (never the task's own unit). */
  reviewerUnits: string[];
  /** The task's unit leads the item alone: 区领导 review and decide instead. */
  reviewedByLeaders: boolean;
}

/** What a resubmission changed since the report was returned, from the history. */
export interface ChangesSinceReturn {
  returnedAt: string;
  returnComment: string | null;
  /** Evidence names added (uploaded or linked) since the return, and those removed. */
  added: string[];
  removed: string[];
  /** The note sent now differs from the note that was returned. */
  noteChanged: boolean;
}

export interface Evidence {
  id: string;
  /** Opens the file in WeChat (cloud download by file id: temp links are not on the download whitelist). */
  fileId: string;
  name: string;
  size: number;
  mime: string;
  kind: 'image' | 'document';
  url: string | null;
  /** The small version of a photo, for grids and lists; open `url` only when the photo is opened. */
  thumbUrl: string | null;
  unitId: string;
  /** Who uploaded it, by name. */
  uploaderName: string;
  createdAt: string;
}

export interface HistoryItem {
  at: string;
  action: string;
  actionLabel: string;
  actorName: string;
  actorRole: Role | 'system';
  actorRoleLabel: string;
  actorUnitName: string | null;
  fromStatus: TaskStatus | null;
  toStatus: TaskStatus;
  comment: string | null;
  detail: string | null;
}

export interface TaskDetail {
  task: TaskDetailTask;
  item: {
    no: number;
    title: string;
    text: string;
    indicatorPath: [string, string];
    leadUnits: string[];
    responsibleUnits: string[];
    schedule: Schedule;
    /** 佐证材料要求: what evidence counts for this item (shown to staff on top); null when none. */
    guidance: ItemGuidance | null;
  };
  evidence: Evidence[];
  history: HistoryItem[];
  /** Leaders' instructions on this task and on its unit, newest first: shown on top. */
  instructions: Instruction[];
  /** For a report returned before: what changed since (null when it was never returned). */
  changesSinceReturn: ChangesSinceReturn | null;
  can: {
    work: boolean;
    review: boolean;
    withdraw: boolean;
    requestExtension: boolean;
    requestExemption: boolean;
    /** Approve or refuse the open request. */
    decideRequest: boolean;
    revokeExemption: boolean;
    instruct: boolean;
  };
}

export type QueueKind = 'report' | 'extension' | 'exemption';

/** One row of the review queue: a report to review, or a request to decide (`queueKind`). */
export interface QueuedTask extends TaskSummary {
  /** What waits: a report to review, or a request to decide (`kind` is the task's own). */
  queueKind: QueueKind;
  submittedAt: string | null;
  note: string;
  /** When it joined the queue: the submission, or the request. */
  queuedAt: string;
  /** A report sent again after it was returned: listed first. */
  resubmitted: boolean;
  changesSinceReturn: ChangesSinceReturn | null;
  extension: ExtensionRequest | null;
  exemption: ExemptionRequest | null;
}

export interface ReviewQueue {
  tasks: QueuedTask[];
  /** Rows of each kind under the same year, unit and item filters (whatever `kind` asked for). */
  counts: Record<QueueKind, number>;
}

export type RatesView = Rates;

export interface UnitRates extends Rates {
  unitId: string;
  name: string;
  kind: UnitKind;
  /** Ranked only with at least `minDueToRank` tasks due; the others follow, unranked. */
  ranked: boolean;
  rank: number | null;
}

/**
 * A month of the trend, counting what the rings count: the reports standing at `asOf` (the
 * month's end, or the summary's date for its month) and the approvals, over the year's total.
 */
export interface TrendPoint {
  month: string;
  asOf: string;
  total: number;
  reported: number;
  approved: number;
  reportRate: number;
  completionRate: number;
}

export interface IndicatorRates extends Rates {
  no: number;
  name: string;
  children?: Array<Rates & { no: number; name: string }>;
}

export interface OverdueTask extends TaskSummary {
  daysOverdue: number;
}

export interface DistrictSummary {
  year: number;
  asOf: string;
  totals: Rates;
  units: UnitRates[];
  indicators: IndicatorRates[];
  overdue: OverdueTask[];
  overdueCount: number;
  trend: TrendPoint[];
  /** The years the district has tasks for: what to offer. */
  years: number[];
  /** Due tasks a unit needs to be ranked. */
  minDueToRank: number;
}

export interface UnitSummary {
  year: number;
  asOf: string;
  unit: { id: string; name: string; kind: UnitKind };
  totals: Rates;
  indicators: IndicatorRates[];
  overdue: OverdueTask[];
  tasks: TaskSummary[];
}

export interface Invite {
  code: string;
  expiresAt: string;
  maxUses: number;
  unitId: string;
  unitName: string;
  role: Role;
  bindPath: string;
  qrUrl?: string | null;
}

export interface PersonRow {
  openid: string;
  name: string;
  role: Role;
  unitId: string;
  unitName: string;
  disabled: boolean;
  createdAt: string;
}

export interface DirectoryUnit {
  id: string;
  name: string;
  kind: UnitKind;
  tags: string[];
  aliases: string[];
  disabled: boolean;
}

export interface ReminderItem {
  id: string;
  kind: ReminderKind;
  kindLabel: string;
  title: string;
  message: string;
  taskId: string | null;
  dueDate: string | null;
  date: string;
  createdAt: string;
  read: boolean;
}

export interface ReminderList {
  unread: number;
  reminders: ReminderItem[];
}

/** A file built on the server (the district workbook, an annual report draft) and a link to it. */
export interface ExportedFile {
  fileId: string;
  /** A short-lived link; null when storage could not give one (open it by fileId). */
  url: string | null;
  name: string;
}

// ── task lists by year, 佐证材料要求, the holiday calendar ──────────────────────

/** 佐证材料要求 of an item: as its lead unit or the admin wrote it, or the importer's proposal. */
export interface ItemGuidance {
  text: string;
  /** Proposed from the item's text by the importer; nobody has written one yet. */
  proposed: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
}

/** One task list the district keeps: its own, or one published for some years. */
export interface CatalogListInfo {
  /** `base` for the district's own list. */
  id: string;
  title: string;
  docNo: string;
  /**
   * The years it applies to now (a list published later for one of them takes it); null for the
   * district's own list, which applies to every year no published list names.
   */
  years: number[] | null;
  /** It goes on applying to the years after its last, until another list is published for them. */
  andLater: boolean;
  publishedAt: string | null;
  publishedByName: string | null;
  itemCount: number;
}

/** One item of a year's list, as the catalog screen shows it. */
export interface CatalogItemView {
  no: number;
  level1: number;
  level2: number;
  title: string;
  text: string;
  leadUnits: string[];
  responsibleUnits: string[];
  /** The 完成时限 as written, when the document states one. */
  deadline: string | null;
  schedule: Schedule;
  /** The schedule in words: 每年3月1日前：报告（上一年度） … */
  scheduleWords: string[];
  /** The units that lead it (their reviewers may write its guidance). */
  leadUnitIds: string[];
  guidance: ItemGuidance | null;
  /** Whether the caller may write its guidance. */
  canEditGuidance: boolean;
}

export interface YearCatalog {
  year: number;
  /** The list that applies to the year. */
  list: CatalogListInfo;
  source: CatalogSource;
  indicators: IndicatorLevel1[];
  items: CatalogItemView[];
  /** Every list the district keeps, the district's own first. */
  lists: CatalogListInfo[];
}

/** A draft item as the preview shows it: resolved units and the schedule in words. */
export interface DraftItemView extends DraftItem {
  scheduleWords: string[];
}

export interface CatalogDraftView {
  source: CatalogSource;
  indicators: IndicatorLevel1[];
  items: DraftItemView[];
}

/** A task whose item a new list drops and that has evidence or a report: kept only if confirmed. */
export interface DroppedWork {
  id: string;
  unitName: string;
  itemNo: number;
  title: string;
  label: string;
  status: TaskStatus;
  evidenceCount: number;
}

export type ItemChange = 'added' | 'changed' | 'dropped';

/** What publishing a list for a year would do to that year's tasks. */
export interface CatalogImpact {
  year: number;
  /** The list the year has now. */
  current: CatalogListInfo;
  /** Tasks the year has now (stored or not), and would have. */
  before: number;
  after: number;
  added: number;
  changed: number;
  dropped: number;
  unchanged: number;
  /** Tasks something has happened to (stored): they keep their evidence and history either way. */
  stored: number;
  /** Items added, changed (text, units or deadline) or dropped, with how many tasks each touches. */
  items: Array<{ itemNo: number; title: string; change: ItemChange; tasks: number; withWork: number }>;
  /** Dropped tasks that have evidence or a report: publishing needs `confirmDrop`, and keeps them. */
  droppedWithWork: DroppedWork[];
}

export interface CatalogPreviewReply {
  draft: CatalogDraftView;
  problems: CatalogProblem[];
  /** How many problems must be settled before publishing. */
  blocking: number;
  /** For each year asked about: what publishing would do to its tasks. */
  impact?: CatalogImpact[];
}

export interface CatalogPublishReply {
  /** The list as published. */
  catalog: CatalogListInfo;
  impact: CatalogImpact[];
  /** Phrases remembered as aliases of units (the next list that writes them resolves them). */
  aliases: Array<{ phrase: string; unitNames: string[] }>;
}

/** One year of the holiday calendar, as the admin checks it. */
export interface CalendarYearView {
  year: number;
  notice: string;
  holidays: Array<{ name: string; from: string; to: string; days: number }>;
  workdays: Array<{ name: string; date: string }>;
}

export interface CalendarSetReply {
  calendar: CalendarYearView;
  /** Notes on what was read (days that belong to another year). */
  problems: Array<{ where: string; message: string }>;
  /** Stored tasks whose due date moved (or stopped being 预估). */
  moved: number;
  /** The years the calendar now knows. */
  years: number[];
}
