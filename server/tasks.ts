import type { TaskTarget } from '../src/core/authorization';
import { shanghaiDate, yearOf } from '../src/core/dates';
import { DomainError } from '../src/core/errors';
import type { HistoryEntry, TaskRecord, UnitRecord } from '../src/core/model';
import { tasksFor, type TaskSpec } from '../src/core/schedule/tasks';
import { lightOf } from '../src/core/status';
import type { ApiContext } from './context';
import { itemOf, unitName, type DistrictContext } from './districtContext';

export function taskIdOf(spec: Pick<TaskSpec, 'unitId' | 'year' | 'itemNo' | 'key'>): string {
  return `${spec.unitId}-${spec.year}-${spec.itemNo}-${spec.key}`;
}

export function taskRecordFrom(spec: TaskSpec, context: DistrictContext, at: string, id = taskIdOf(spec)): TaskRecord {
  const item = itemOf(context, spec.itemNo);
  return {
    id,
    districtId: context.district.id,
    unitId: spec.unitId,
    itemNo: spec.itemNo,
    level1: item.level1,
    level2: item.level2,
    key: spec.key,
    kind: spec.kind,
    year: spec.year,
    dueDate: spec.dueDate,
    estimated: spec.estimated,
    role: spec.role,
    label: spec.label,
    requirements: spec.requirements,
    eventDate: spec.eventDate ?? null,
    status: 'pending',
    version: 1,
    note: '',
    evidenceCount: 0,
    firstSubmittedAt: null,
    firstSubmittedOn: null,
    submittedAt: null,
    reviewedAt: null,
    reviewedBy: null,
    reviewComment: null,
    createdAt: at,
    updatedAt: at,
  };
}

export function systemHistory(task: TaskRecord): HistoryEntry {
  return {
    districtId: task.districtId,
    taskId: task.id,
    at: task.createdAt,
    actorOpenid: 'system',
    actorName: '系统',
    actorRole: 'system',
    actorUnitId: null,
    action: 'create',
    fromStatus: null,
    toStatus: task.status,
    comment: null,
    detail: task.label,
  };
}

/**
 * Makes sure every active unit has its tasks for the year. Idempotent: tasks already there are
 * kept as they are; the district remembers which directory the year was generated from.
 */
export async function ensureYearTasks(api: ApiContext, context: DistrictContext, year: number): Promise<void> {
  if (context.district.taskYears[String(year)] === context.fingerprint) return;
  // Only the year at hand and its neighbours are generated on demand: asking about 2099 lists
  // what exists instead of filling the database with a century of tasks.
  if (Math.abs(year - yearOf(todayOf(api))) > 1) return;
  const at = api.now().toISOString();
  const active = context.units.filter((unit: UnitRecord) => !unit.disabled);
  const records = active.flatMap((unit) =>
    tasksFor(unit, year, context.schedule).map((spec) => taskRecordFrom(spec, context, at)),
  );
  await api.store.insertTasks(records, systemHistory);
  const latest = (await api.store.getDistrict(context.district.id)) ?? context.district;
  const district = { ...latest, taskYears: { ...latest.taskYears, [String(year)]: context.fingerprint } };
  await api.store.saveDistrict(district);
  context.district = district;
}

export function targetOf(task: TaskRecord, context: DistrictContext): TaskTarget {
  return { unitId: task.unitId, leadUnitIds: context.leadsByItem.get(task.itemNo) ?? [] };
}

export async function requireTask(api: ApiContext, districtId: string, taskId: string): Promise<TaskRecord> {
  const task = await api.store.getTask(districtId, taskId);
  if (!task) throw new DomainError('NOT_FOUND', '找不到这项任务，可能已被删除');
  return task;
}

export function todayOf(api: ApiContext): string {
  return shanghaiDate(api.now());
}

/** What lists show of a task. */
export function taskSummary(task: TaskRecord, context: DistrictContext, today: string) {
  const item = itemOf(context, task.itemNo);
  const level1 = context.district.catalog.indicators.find((indicator) => indicator.no === item.level1);
  const level2 = level1?.children.find((indicator) => indicator.no === item.level2);
  return {
    id: task.id,
    unitId: task.unitId,
    unitName: unitName(context, task.unitId),
    itemNo: task.itemNo,
    title: item.title,
    label: task.label,
    indicator: `${level1?.name ?? ''} / ${level2?.name ?? ''}`,
    role: task.role,
    kind: task.kind,
    dueDate: task.dueDate,
    estimated: task.estimated,
    status: task.status,
    light: lightOf(task, today),
    evidenceCount: task.evidenceCount,
    reviewComment: task.status === 'returned' ? task.reviewComment : null,
    version: task.version,
  };
}

export type TaskSummary = ReturnType<typeof taskSummary>;

/** Everything the task page shows of the task itself. */
export function taskDetail(task: TaskRecord, context: DistrictContext, today: string) {
  return {
    ...taskSummary(task, context, today),
    note: task.note,
    requirements: task.requirements,
    eventDate: task.eventDate,
    year: task.year,
    firstSubmittedAt: task.firstSubmittedAt,
    submittedAt: task.submittedAt,
    reviewedAt: task.reviewedAt,
    reviewComment: task.reviewComment,
  };
}
