import type { Role } from '../core/model';
import type { UnitKind } from '../core/units';
import type {
  CalendarSetReply,
  CalendarYearView,
  CatalogItemView,
  CatalogPreviewReply,
  CatalogPublishReply,
  DemoIdentity,
  DirectoryUnit,
  DistrictSummary,
  Evidence,
  ExportedFile,
  Instruction,
  Invite,
  PersonRow,
  QueueKind,
  ReminderList,
  ReviewQueue,
  Session,
  SessionUser,
  TaskDetail,
  TaskDetailTask,
  TaskList,
  UnitSummary,
  YearCatalog,
} from './replies';

/**
 * Every action of the API: what the client sends and what it gets back. The client (`callApi`, the
 * hooks), the server's handler tables and the tests are all typed from this one map, so a reply
 * that drifts from what the app reads fails `npm run typecheck` (see ../shared/design.md).
 */
export interface Actions {
  'session.get': { payload: Empty; reply: Session };
  'session.bind': {
    payload: { inviteCode: string; name: string };
    reply: { user: SessionUser; unit: Session['unit'] };
  };
  'dev.users': { payload: Empty; reply: { users: DemoIdentity[] } };

  'tasks.list': { payload: { year?: number; unitId?: string }; reply: TaskList };
  'tasks.get': { payload: { id: string }; reply: TaskDetail };
  'events.record': { payload: { itemNo: number; date: string; note?: string }; reply: { task: TaskDetailTask } };

  'evidence.add': {
    payload: { taskId: string; fileId: string; name: string; size: number; mime: string; thumbFileId?: string };
    reply: { evidence: Evidence };
  };
  'evidence.link': { payload: { taskId: string; evidenceId: string }; reply: { evidence: Evidence } };
  'evidence.remove': { payload: { evidenceId: string; taskId: string }; reply: Empty };

  'report.submit': { payload: { taskId: string; note?: string; requestId: string }; reply: { task: TaskDetailTask } };
  'report.withdraw': { payload: { taskId: string; requestId: string }; reply: { task: TaskDetailTask } };
  'extension.request': {
    payload: { taskId: string; dueDate: string; reason: string };
    reply: { task: TaskDetailTask };
  };
  'extension.decide': {
    payload: { taskId: string; decision: 'approve' | 'refuse'; comment?: string };
    reply: { task: TaskDetailTask };
  };
  'exemption.request': { payload: { taskId: string; reason: string }; reply: { task: TaskDetailTask } };
  'exemption.decide': {
    payload: { taskId: string; decision: 'approve' | 'refuse'; comment?: string };
    reply: { task: TaskDetailTask };
  };
  'exemption.revoke': { payload: { taskId: string; comment: string }; reply: { task: TaskDetailTask } };
  'instruction.add': {
    payload: { text: string; taskId?: string; unitId?: string };
    reply: { instruction: Instruction };
  };
  'review.queue': {
    payload: { year?: number; unitId?: string; itemNo?: number; kind?: QueueKind };
    reply: ReviewQueue;
  };
  'report.review': {
    payload: { taskId: string; decision: 'approve' | 'return'; comment?: string };
    reply: { task: TaskDetailTask };
  };

  'summary.district': { payload: { year?: number; asOf?: string }; reply: DistrictSummary };
  'summary.unit': { payload: { unitId: string; year?: number; asOf?: string }; reply: UnitSummary };
  'urge.send': { payload: { unitId: string; taskId?: string }; reply: { notified: number; tasks: number } };

  'reminders.list': { payload: Empty; reply: ReminderList };
  'reminders.read': { payload: { ids?: string[] }; reply: { marked: number } };
  'reminders.subscribe': { payload: { templateIds: string[] }; reply: { balances: Record<string, number> } };

  'admin.invite.create': {
    payload: { unitId: string; role: Role; expiresAt?: string; maxUses?: number };
    reply: Invite;
  };
  'admin.users.list': { payload: { unitId?: string }; reply: { users: PersonRow[] } };
  'admin.user.update': {
    payload: { openid: string; role?: Role; unitId?: string; disabled?: boolean };
    reply: { user: Pick<PersonRow, 'openid' | 'name' | 'role' | 'unitId' | 'disabled'> };
  };
  'admin.units.list': { payload: Empty; reply: { units: DirectoryUnit[] } };
  'admin.units.upsert': { payload: { unit: UnitDraft }; reply: { unit: DirectoryUnit } };

  'export.xlsx': { payload: { year: number; asOf?: string }; reply: ExportedFile };
  'report.annual': { payload: { unitId: string; year: number }; reply: ExportedFile };

  /** Reads an uploaded .docx (`fileId`) or a pasted text export (`text`): nothing is stored. */
  'catalog.preview': { payload: CatalogSourcePayload & { years?: number[] }; reply: CatalogPreviewReply };
  /** Publishes the list for `years`; `confirmDrop` is needed when it drops tasks that have work. */
  'catalog.publish': {
    payload: CatalogSourcePayload & { years: number[]; confirmDrop?: boolean };
    reply: CatalogPublishReply;
  };
  'catalog.get': { payload: { year: number }; reply: YearCatalog };
  'guidance.set': { payload: { year: number; itemNo: number; text: string }; reply: { item: CatalogItemView } };
  /** Either `noticeText` (the 国务院办公厅 notice as pasted) or `holidays` and `workdays` (dates). */
  'calendar.set': {
    payload: { year: number; noticeText?: string; holidays?: string[]; workdays?: string[] };
    reply: CalendarSetReply;
  };
  'calendar.get': { payload: Empty; reply: { years: CalendarYearView[] } };
}

/**
 * Where a list comes from — an uploaded Word file or a pasted text export, one of the two — and
 * the admin's choices: unit ids for phrases the directory does not know, lead units for items
 * that name none, dates (YYYY-MM-DD once, MM-DD every year) by item number.
 */
export interface CatalogSourcePayload {
  fileId?: string;
  text?: string;
  phraseMap?: Record<string, string[]>;
  leads?: Record<string, string[]>;
  dates?: Record<string, string>;
}

/** No fields. */
export type Empty = Record<never, never>;

export interface UnitDraft {
  id?: string;
  name: string;
  kind: UnitKind;
  tags?: string[];
  aliases?: string[];
  disabled?: boolean;
}

export type ActionName = keyof Actions;
export type Payload<A extends ActionName> = Actions[A]['payload'];
export type Reply<A extends ActionName> = Actions[A]['reply'];

/**
 * The actions that build or read documents run in the `export` cloud function: exceljs, docx and
 * mammoth would take the `api` bundle over 1 MB. Everything else is served by `api`.
 */
export const FILE_ACTIONS = ['export.xlsx', 'report.annual'] as const satisfies readonly ActionName[];
export const EXPORT_ACTIONS = [
  ...FILE_ACTIONS,
  // Reading a .docx needs mammoth: the task list's preview and publishing stay out of `api` too.
  'catalog.preview',
  'catalog.publish',
] as const satisfies readonly ActionName[];
/** The actions that build a file and answer with it (`ExportedFile`). */
export type ExportAction = (typeof FILE_ACTIONS)[number];
/** Every action the `export` function serves. */
export type ExportFunctionAction = (typeof EXPORT_ACTIONS)[number];
export type ApiAction = Exclude<ActionName, ExportFunctionAction>;

export type CloudFunctionName = 'api' | 'export';

export function functionOf(action: ActionName): CloudFunctionName {
  return (EXPORT_ACTIONS as readonly string[]).includes(action) ? 'export' : 'api';
}
