import type { Schedule } from '../core/catalog/types';
import type { Role } from '../core/model';
import type { Rates } from '../core/rates';
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

export interface Session {
  user: SessionUser | null;
  unit: { id: string; name: string; kind: UnitKind } | null;
  district: { id: string; name: string; fullName: string } | null;
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
}

export interface TaskList {
  unitId: string;
  unitName: string;
  year: number;
  today: string;
  tasks: TaskSummary[];
}

export interface TaskDetailTask extends TaskSummary {
  note: string;
  requirements: string[];
  eventDate: string | null;
  year: number;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
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
  };
  evidence: Evidence[];
  history: HistoryItem[];
  can: { work: boolean; review: boolean };
}

export interface QueuedTask extends TaskSummary {
  submittedAt: string | null;
  note: string;
}

export type RatesView = Rates;

export interface UnitRates extends Rates {
  unitId: string;
  name: string;
  kind: UnitKind;
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
  trend: Array<{ month: string; completionRate: number; reportRate: number }>;
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
  kind: 'due-7' | 'due-3' | 'due-1' | 'due-0' | 'overdue' | 'returned' | 'urge';
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
