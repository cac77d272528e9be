import type { IsoDate } from './dates';
import type { ExemptionRequest, HistoryAction, HistoryEntry, TaskRecord } from './model';
import type { TaskSpec } from './schedule/tasks';
import type { TaskStatus } from './status';
import type { Step, Transition } from './workflow';

/**
 * What a newly published list, or a newly set holiday calendar, does to a task already stored:
 * pure transitions like the workflow's, each with the history entry that tells of it. Tasks never
 * stored need none of this: they are derived afresh from the list and the calendar.
 */

function entry(task: TaskRecord, step: Step, action: HistoryAction, toStatus: TaskStatus, detail: string) {
  const history: HistoryEntry = {
    districtId: task.districtId,
    taskId: task.id,
    at: step.at,
    actorOpenid: step.actor.openid,
    actorName: step.actor.name,
    actorRole: step.actor.role,
    actorUnitId: step.actor.unitId,
    action,
    fromStatus: task.status,
    toStatus,
    comment: null,
    detail,
  };
  return history;
}

function next(task: TaskRecord, step: Step, changes: Partial<TaskRecord>): TaskRecord {
  return { ...task, ...changes, version: task.version + 1, updatedAt: step.at };
}

/** The parts of a stored task that come from the list (its work — status, evidence, note — does not). */
export type ListedFields = Pick<
  TaskRecord,
  'level1' | 'level2' | 'kind' | 'role' | 'label' | 'requirements' | 'dueDate' | 'estimated'
>;

export function listedFieldsOf(
  spec: Pick<TaskSpec, 'kind' | 'role' | 'label' | 'requirements' | 'dueDate' | 'estimated'>,
  level1: number,
  level2: number,
): ListedFields {
  return {
    level1,
    level2,
    kind: spec.kind,
    role: spec.role,
    label: spec.label,
    requirements: spec.requirements,
    dueDate: spec.dueDate,
    estimated: spec.estimated,
  };
}

/** What differs between a stored task and what the list now gives for it, in words (empty: nothing). */
export function listedChanges(task: TaskRecord, wanted: ListedFields): string[] {
  const changes: string[] = [];
  // An approved 延期 moved the due date: the agreed date stands, the one it replaced follows the list.
  const listedDue = task.originalDueDate ?? task.dueDate;
  if (wanted.dueDate !== listedDue) changes.push(`截止日期由${listedDue}改为${wanted.dueDate}`);
  if (wanted.label !== task.label) changes.push(`任务内容改为“${wanted.label}”`);
  if (JSON.stringify(wanted.requirements) !== JSON.stringify(task.requirements)) {
    changes.push(wanted.requirements.length > 0 ? `要求改为：${wanted.requirements.join('；')}` : '不再有数量要求');
  }
  if (wanted.role !== task.role) changes.push(wanted.role === 'lead' ? '本单位改为牵头单位' : '本单位改为责任单位');
  if (wanted.level1 !== task.level1 || wanted.level2 !== task.level2) changes.push('所属指标调整');
  if (wanted.kind !== task.kind) changes.push('期限类型调整');
  if (wanted.estimated !== task.estimated && changes.length === 0) {
    changes.push(wanted.estimated ? '截止日期改为预估' : '截止日期已按正式日历核实');
  }
  return changes;
}

/**
 * A list published for the task's year gives it with other particulars (its item's text, units
 * or deadline changed): the task takes them and keeps its work. Null when nothing differs.
 */
export function updateFromList(task: TaskRecord, step: Step, wanted: ListedFields, why: string): Transition | null {
  const changes = listedChanges(task, wanted);
  if (changes.length === 0) return null;
  const moved = task.originalDueDate !== null;
  const after = next(task, step, {
    ...wanted,
    dueDate: moved ? task.dueDate : wanted.dueDate,
    originalDueDate: moved ? wanted.dueDate : null,
  });
  return { after, history: [entry(task, step, 'catalog.update', task.status, `${why}：${changes.join('；')}`)] };
}

/**
 * A list published for the task's year no longer gives it: kept with its evidence and history,
 * out of every total and rate (不涉及, marked as the list's doing, so that nobody revokes it).
 * Null for a task already dropped.
 */
export function dropByList(task: TaskRecord, step: Step, catalogId: string, reason: string): Transition | null {
  if (task.exemption?.catalogDrop) return null;
  const previous = task.exemption ? withoutDrop(task.exemption) : null;
  const exemption: ExemptionRequest = {
    reason,
    status: 'approved',
    requestedAt: step.at,
    requestedBy: step.actor.openid,
    requestedByName: step.actor.name,
    decidedAt: step.at,
    decidedBy: step.actor.openid,
    decidedByName: step.actor.name,
    comment: null,
    revokedAt: null,
    revokedByName: null,
    revokeComment: null,
    catalogDrop: { catalogId, fromStatus: task.status, previous },
  };
  const kept = task.evidenceCount > 0 || task.firstSubmittedAt !== null ? '（已有的材料和记录保留）' : '';
  return {
    after: next(task, step, { status: 'exempt', exemption }),
    history: [entry(task, step, 'catalog.drop', 'exempt', `${reason}，不再计入统计${kept}`)],
  };
}

function withoutDrop(exemption: ExemptionRequest): Omit<ExemptionRequest, 'catalogDrop'> {
  const { catalogDrop: _drop, ...rest } = exemption;
  return rest;
}

/** A later list gives a dropped task again: back to the status (and 不涉及 record) it had. */
export function restoreByList(task: TaskRecord, step: Step, why: string): Transition | null {
  const drop = task.exemption?.catalogDrop;
  if (!drop) return null;
  return {
    after: next(task, step, { status: drop.fromStatus, exemption: drop.previous }),
    history: [entry(task, step, 'catalog.restore', drop.fromStatus, why)],
  };
}

/**
 * The holiday calendar of a year the task's deadline counts working days in was set: the due date
 * follows it (an agreed 延期 stands; the date it replaced follows). Null when nothing moves.
 */
export function moveByCalendar(
  task: TaskRecord,
  step: Step,
  due: { date: IsoDate; estimated: boolean },
  year: number,
): Transition | null {
  const listed = task.originalDueDate ?? task.dueDate;
  if (due.date === listed && due.estimated === task.estimated) return null;
  const moved = task.originalDueDate !== null;
  const detail =
    due.date === listed
      ? `已录入${year}年节假日安排：截止日期${listed}经核实不变，不再是预估`
      : `已录入${year}年节假日安排：截止日期由${listed}${task.estimated ? '（预估）' : ''}改为${due.date}${due.estimated ? '（仍为预估）' : ''}${moved ? `；已同意的延期（${task.dueDate}）不变` : ''}`;
  const after = next(task, step, {
    estimated: due.estimated,
    dueDate: moved ? task.dueDate : due.date,
    originalDueDate: moved ? due.date : null,
  });
  return { after, history: [entry(task, step, 'calendar.update', task.status, detail)] };
}
