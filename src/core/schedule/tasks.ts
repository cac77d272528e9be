import type { WorkingCalendar } from '../calendar';
import type { Catalog, CatalogItem, CountRule, EventRule, MeasureRule } from '../catalog/types';
import { addDays, isIsoDate, monthDayIn, yearOf, type IsoDate } from '../dates';
import { DomainError } from '../errors';
import { assignmentIndex, type Assignment, type Directory, type Unit } from '../units';

export type TaskKind = 'fixed' | 'annual' | 'target' | 'event';

/** One obligation of one unit for one item with one due date, before it is stored. */
export interface TaskSpec {
  unitId: string;
  itemNo: number;
  /** Unique for the unit and item within the year: d0301, annual, target, e1-2026-09-30. */
  key: string;
  kind: TaskKind;
  year: number;
  dueDate: IsoDate;
  /** The calendar lacked a year the deadline needed: counted on weekdays alone. */
  estimated: boolean;
  role: 'lead' | 'responsible';
  label: string;
  /** What the unit must show, in words: 专项监督不少于1次 … */
  requirements: string[];
  eventDate?: IsoDate;
}

export interface ScheduleContext {
  catalog: Catalog;
  directory: Directory;
  calendar: WorkingCalendar;
  /** Each unit's assignments, when the caller already worked them out for the directory. */
  assignments?: Map<string, Assignment[]>;
}

function assignmentsOf(context: ScheduleContext, unitId: string): Assignment[] {
  return (context.assignments ?? assignmentIndex(context.catalog, context.directory)).get(unitId) ?? [];
}

const PERIOD_TEXT: Record<string, (year: number) => string> = {
  上一年度: (year) => `${year - 1}年度`,
  当年上半年: (year) => `${year}年上半年`,
  当年下半年: (year) => `${year}年下半年`,
  上半年: (year) => `${year}年上半年`,
  下半年: (year) => `${year}年下半年`,
};

function countApplies(rule: CountRule, unit: Unit, role: Assignment['role']): boolean {
  switch (rule.appliesTo) {
    case 'all':
      return true;
    case 'government':
      return unit.kind === 'township' || unit.kind === 'street';
    case 'department':
      return unit.kind === 'department' || unit.kind === 'agency';
    case 'lead':
      return role !== 'responsible';
  }
}

function countText(rule: CountRule): string {
  return `${rule.perPerson ? '每人' : ''}${rule.label}不少于${rule.min}${rule.unit}`;
}

function measureText(rule: MeasureRule): string {
  if (rule.kind === 'headcount') return `${rule.label}不少于${rule.target}名`;
  return `${rule.label}达到${rule.target}%${rule.orAbove && rule.target < 100 ? '以上' : ''}`;
}

function requirementsFor(item: CatalogItem, unit: Unit, role: Assignment['role']): string[] {
  return [
    ...item.schedule.counts.filter((rule) => countApplies(rule, unit, role)).map(countText),
    ...item.schedule.measures.map(measureText),
  ];
}

function itemTasks(item: CatalogItem, unit: Unit, assignment: Assignment, year: number, defaultDueDate: string) {
  const role = assignment.role === 'responsible' ? 'responsible' : 'lead';
  const base = { unitId: unit.id, itemNo: item.no, year, estimated: false, role } as const;
  const { schedule } = item;
  const specs: TaskSpec[] = schedule.deadlines.map((deadline) => {
    const period = PERIOD_TEXT[deadline.covers]?.(year) ?? `${year}年`;
    return {
      ...base,
      key: deadline.key,
      kind: 'fixed',
      dueDate: monthDayIn(year, deadline.monthDay),
      label: deadline.label.replace(`（${deadline.covers}）`, `（${period}）`),
      requirements: [],
    };
  });
  if (!schedule.defaultAnnual) return specs;
  const requirements = requirementsFor(item, unit, assignment.role);
  if (schedule.target && yearOf(schedule.target.date) === year) {
    specs.push({
      ...base,
      key: 'target',
      kind: 'target',
      dueDate: schedule.target.date,
      label: `${year}年底前达标`,
      requirements,
    });
  } else {
    specs.push({
      ...base,
      key: 'annual',
      kind: 'annual',
      dueDate: monthDayIn(year, defaultDueDate),
      label: `${year}年度落实情况`,
      requirements,
    });
  }
  return specs;
}

function unitOf(unitOrId: Unit | string, directory: Directory): Unit {
  const unit = typeof unitOrId === 'string' ? directory.units.find((candidate) => candidate.id === unitOrId) : unitOrId;
  if (!unit) throw new DomainError('NOT_FOUND', '找不到该单位');
  return unit;
}

/** The unit's tasks whose due dates fall in `year`. Events add tasks through `taskForEvent`. */
export function tasksFor(unitOrId: Unit | string, year: number, context: ScheduleContext): TaskSpec[] {
  const unit = unitOf(unitOrId, context.directory);
  const assigned = assignmentsOf(context, unit.id);
  const byNo = new Map(context.catalog.items.map((item) => [item.no, item]));
  return assigned.flatMap((assignment) => {
    const item = byNo.get(assignment.itemNo);
    return item ? itemTasks(item, unit, assignment, year, context.directory.district.defaultDueDate) : [];
  });
}

export function dueAfterEvent(rule: EventRule, eventDate: IsoDate, calendar: WorkingCalendar) {
  if (rule.unit === 'calendarDays') return { date: addDays(eventDate, rule.within), estimated: false };
  return calendar.addWorkingDays(eventDate, rule.within);
}

/** The task an event creates: item 13 after a 权责清单 adjustment, item 25 after a judgment. */
export function taskForEvent(
  unitOrId: Unit | string,
  itemNo: number,
  eventDate: IsoDate,
  context: ScheduleContext,
  ruleKey?: string,
): TaskSpec {
  const unit = unitOf(unitOrId, context.directory);
  if (!isIsoDate(eventDate)) throw new DomainError('INVALID_ARGUMENT', '事件日期应为 YYYY-MM-DD 格式的日期');
  const item = context.catalog.items.find((candidate) => candidate.no === itemNo);
  if (!item) throw new DomainError('NOT_FOUND', `任务清单中没有第${itemNo}项`);
  const rule = ruleKey ? item.schedule.events.find((event) => event.key === ruleKey) : item.schedule.events[0];
  if (!rule) throw new DomainError('FAILED_PRECONDITION', `第${itemNo}项不是按事件计算期限的任务，无需登记事件`);
  const assignment = assignmentsOf(context, unit.id).find((candidate) => candidate.itemNo === itemNo);
  if (!assignment) throw new DomainError('FORBIDDEN', `本单位不承担第${itemNo}项任务`);
  const due = dueAfterEvent(rule, eventDate, context.calendar);
  const days = rule.unit === 'workingDays' ? `${rule.within}个工作日` : `${rule.within}日`;
  return {
    unitId: unit.id,
    itemNo,
    key: `${rule.key}-${eventDate}`,
    kind: 'event',
    year: yearOf(due.date),
    dueDate: due.date,
    estimated: due.estimated,
    role: assignment.role === 'responsible' ? 'responsible' : 'lead',
    label: `${rule.trigger}（${eventDate}）后${days}内${rule.action}`,
    requirements: [rule.action],
    eventDate,
  };
}
