import { authorize, type TaskTarget } from '../src/core/authorization';
import { shanghaiDate, yearOf } from '../src/core/dates';
import { DomainError } from '../src/core/errors';
import { COUNTER_FIELDS, countersFromTasks } from '../src/core/counters';
import type { CounterRecord, TaskRecord } from '../src/core/model';
import type { TaskFilter } from '../src/core/ports/Store';
import { createdEntry, openRequestOf } from '../src/core/workflow';
import { tasksFor, type TaskSpec } from '../src/core/schedule/tasks';
import { lightOf } from '../src/core/status';
import type { ApiContext } from './context';
import {
  indicatorOf,
  itemOf,
  leadsOf,
  loadDistrictContext,
  unitName,
  type CatalogView,
  type DistrictContext,
} from './districtContext';
import type { MemberCall } from './handler';

export function taskIdOf(spec: Pick<TaskSpec, 'unitId' | 'year' | 'itemNo' | 'key'>): string {
  return `${spec.unitId}-${spec.year}-${spec.itemNo}-${spec.key}`;
}

/**
 * A task record for a spec. `view` is the list the spec was derived from (an event's task comes
 * from the list of the event's year, which may not be the list of its due date's year).
 */
export function taskRecordFrom(
  spec: TaskSpec,
  context: DistrictContext,
  at: string,
  id = taskIdOf(spec),
  view: CatalogView = context.forYear(spec.year),
): TaskRecord {
  const item = view.itemsByNo.get(spec.itemNo) ?? itemOf(context, spec.year, spec.itemNo);
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
    statusBeforeSubmit: null,
    withdrawnAt: null,
    originalDueDate: null,
    extension: null,
    exemption: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** How a stored task's history begins (the workflow writes it when a derived task is first stored). */
export const systemHistory = createdEntry;

/**
 * The years a district has tasks for: from the year it began using the system to next year.
 * Earlier years are not offered (nothing was asked of anyone then), nor years far ahead.
 */
export function taskYearRange(context: DistrictContext, today: string): { first: number; last: number } {
  const first = yearOf(shanghaiDate(new Date(context.district.createdAt)));
  return { first, last: Math.max(first, yearOf(today)) + 1 };
}

/** The years to offer, oldest first: none before the district began (nothing was asked of anyone). */
export function districtYears(context: DistrictContext, today: string): number[] {
  const { first, last } = taskYearRange(context, today);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

export function hasTaskYear(context: DistrictContext, today: string, year: number): boolean {
  const { first, last } = taskYearRange(context, today);
  return year >= first && year <= last;
}

const derivedByView = new WeakMap<CatalogView, Map<number, Map<string, TaskRecord>>>();

/**
 * A year's tasks as its list, the directory and the calendar make them, before anything has
 * happened to them: never written (version 0), so a new year costs no writes at all. A task is
 * stored by the first change to it; from then on the stored one counts. `view` is the year's list
 * unless said (the publish preview derives the tasks a draft would give).
 */
export function derivedTasks(
  context: DistrictContext,
  year: number,
  view: CatalogView = context.forYear(year),
): Map<string, TaskRecord> {
  let byYear = derivedByView.get(view);
  if (!byYear) derivedByView.set(view, (byYear = new Map()));
  let tasks = byYear.get(year);
  if (!tasks) {
    tasks = new Map();
    for (const unit of context.units) {
      if (unit.disabled) continue;
      for (const spec of tasksFor(unit, year, view.schedule)) {
        const task = { ...taskRecordFrom(spec, context, context.district.createdAt, taskIdOf(spec), view), version: 0 };
        tasks.set(task.id, task);
      }
    }
    byYear.set(year, tasks);
  }
  return tasks;
}

function matches(task: TaskRecord, filter: TaskFilter): boolean {
  if (filter.unitId !== undefined && task.unitId !== filter.unitId) return false;
  if (filter.year !== undefined && task.year !== filter.year) return false;
  if (filter.statuses && !filter.statuses.includes(task.status)) return false;
  if (filter.itemNos && !filter.itemNos.includes(task.itemNo)) return false;
  if (filter.dueBefore !== undefined && !(task.dueDate < filter.dueBefore)) return false;
  if (filter.openRequest && openRequestOf(task) === null) return false;
  return true;
}

const byDueItemId = (a: TaskRecord, b: TaskRecord) =>
  a.dueDate === b.dueDate
    ? a.itemNo - b.itemNo || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    : a.dueDate < b.dueDate
      ? -1
      : 1;

/**
 * A year's tasks as users see them: the stored ones, and the derived ones not stored yet, in the
 * store's order (due date, item, id). Outside the district's years only what is stored.
 */
export async function listYearTasks(
  api: ApiContext,
  context: DistrictContext,
  filter: TaskFilter & { year: number },
): Promise<TaskRecord[]> {
  const districtId = context.district.id;
  let stored: TaskRecord[];
  let storedIds: Set<string>;
  if (filter.unitId !== undefined) {
    // A unit's year is small: read it whole, so its ids tell which derived tasks it has stored.
    const all = await api.store.listTasks(districtId, { unitId: filter.unitId, year: filter.year });
    storedIds = new Set(all.map((task) => task.id));
    stored = all.filter((task) => matches(task, filter));
  } else {
    const [found, ids] = await Promise.all([
      api.store.listTasks(districtId, filter),
      api.store.listTaskIds(districtId, filter.year),
    ]);
    stored = found;
    storedIds = new Set(ids);
  }
  if (!hasTaskYear(context, todayOf(api), filter.year)) return stored.slice(0, filter.limit);
  const derived = [...derivedTasks(context, filter.year).values()].filter(
    (task) => !storedIds.has(task.id) && matches(task, filter),
  );
  return [...stored, ...derived].sort(byDueItemId).slice(0, filter.limit);
}

/** A year's counters as if every derived task were stored: the kept ones plus those not yet stored. */
export async function yearCounters(api: ApiContext, context: DistrictContext, year: number): Promise<CounterRecord[]> {
  const districtId = context.district.id;
  const [kept, ids] = await Promise.all([
    api.store.listCounters(districtId, year),
    api.store.listTaskIds(districtId, year),
  ]);
  if (!hasTaskYear(context, todayOf(api), year)) return kept;
  const storedIds = new Set(ids);
  const unstored = [...derivedTasks(context, year).values()].filter((task) => !storedIds.has(task.id));
  return addCounters(kept, countersFromTasks(unstored));
}

function addCounters(a: CounterRecord[], b: CounterRecord[]): CounterRecord[] {
  const byKey = new Map<string, CounterRecord>();
  for (const counter of [...a, ...b]) {
    const key = `${counter.scope}|${counter.dueDate}`;
    const sum = byKey.get(key);
    if (!sum) {
      byKey.set(key, { ...counter });
      continue;
    }
    for (const field of COUNTER_FIELDS) sum[field] += counter[field] ?? 0;
  }
  return [...byKey.values()];
}

export function targetOf(task: TaskRecord, context: DistrictContext): TaskTarget {
  return { unitId: task.unitId, leadUnitIds: leadsOf(context, task.year, task.itemNo) };
}

/** A task the caller's unit works on (their own unit's), with the district it is read against. */
export async function taskToWork(
  call: MemberCall,
  taskId: string,
): Promise<{ context: DistrictContext; task: TaskRecord }> {
  const { api, actor } = call;
  const context = await loadDistrictContext(api.store, actor.districtId);
  const task = await requireTask(api, context, taskId);
  authorize(actor, { kind: 'task.work', task: targetOf(task, context) });
  return { context, task };
}

/** A stored task, or one derived from the catalog that nothing has happened to yet. */
export async function requireTask(api: ApiContext, context: DistrictContext, taskId: string): Promise<TaskRecord> {
  const stored = await api.store.getTask(context.district.id, taskId);
  if (stored) return stored;
  const { first, last } = taskYearRange(context, todayOf(api));
  for (let year = last; year >= first; year -= 1) {
    const derived = derivedTasks(context, year).get(taskId);
    if (derived) return derived;
  }
  throw new DomainError('NOT_FOUND', '找不到这项任务，可能已被删除');
}

export function todayOf(api: ApiContext): string {
  return shanghaiDate(api.now());
}

/** What lists show of a task. */
export function taskSummary(task: TaskRecord, context: DistrictContext, today: string) {
  const item = itemOf(context, task.year, task.itemNo);
  const { level1, level2 } = indicatorOf(context, task.year, item);
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
    originalDueDate: task.originalDueDate,
    openRequest: openRequestOf(task),
  };
}

/**
 * Who reviews a task's reports and decides its requests: the lead units other than its own, by
 * name; where its unit leads the item alone, 区领导 do.
 */
export function reviewersOf(task: TaskRecord, context: DistrictContext) {
  const others = leadsOf(context, task.year, task.itemNo).filter((unitId) => unitId !== task.unitId);
  return { reviewerUnits: others.map((unitId) => unitName(context, unitId)), reviewedByLeaders: others.length === 0 };
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
    withdrawnAt: task.withdrawnAt,
    extension: task.extension,
    exemption: task.exemption,
    ...reviewersOf(task, context),
  };
}
