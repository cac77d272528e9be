import { COMMENT_MAX_CHARS } from '../../contract/limits';
import type { ChangesSinceReturn, QueueKind, QueuedTask } from '../../contract/replies';
import { formatDate } from '../../utils/format';

/** The review queue's rules that need no Taro: tested on their own. */

export type ReviewDecision = 'approve' | 'return';
/** A report is approved or returned; a 延期 or 不涉及 request approved or refused. */
export type SheetDecision = ReviewDecision | 'refuse';

export const COMMENT_LIMIT = COMMENT_MAX_CHARS;

/** Why a decision cannot be sent as it is, in the reviewer's words; null when it can. */
export function reviewCommentProblem(decision: SheetDecision, comment: string): string | null {
  const text = comment.trim();
  if (decision === 'return' && text === '') return '退回时请写明需要补充或修改的内容';
  if (decision === 'refuse' && text === '') return '不同意时请写明理由，经办人会看到';
  if (text.length > COMMENT_LIMIT) return `意见最多${COMMENT_LIMIT}字，请精简后再提交`;
  return null;
}

/**
 * The queue without the reports this reviewer has just decided: a report stays hidden at the version
 * the review left it at, and comes back only when the unit resubmits it (a newer version).
 */
export function withoutReviewed(tasks: QueuedTask[], reviewed: ReadonlyMap<string, number>): QueuedTask[] {
  return tasks.filter((task) => {
    const version = reviewed.get(task.id);
    return version === undefined || task.version > version;
  });
}

/** What the queue is narrowed to: one unit, one item, one kind (each optional). */
export interface QueueFilter {
  unitId?: string;
  itemNo?: number;
  kind?: QueueKind;
}

/** The review.queue payload of a filter, its fields always in one order (answers are remembered by it). */
export function queuePayload(filter: QueueFilter): QueueFilter {
  return {
    ...(filter.unitId !== undefined ? { unitId: filter.unitId } : {}),
    ...(filter.itemNo !== undefined ? { itemNo: filter.itemNo } : {}),
    ...(filter.kind !== undefined ? { kind: filter.kind } : {}),
  };
}

export function isFiltered(filter: QueueFilter): boolean {
  return filter.unitId !== undefined || filter.itemNo !== undefined || filter.kind !== undefined;
}

export const KIND_LABEL: Record<QueueKind, string> = { report: '报送', extension: '延期', exemption: '不涉及' };

export interface FilterOption<K> {
  key: K;
  label: string;
  count: number;
}

/** The units and the items with something waiting, for the filters: most waiting first. */
export function filterOptions(tasks: QueuedTask[]): {
  units: Array<FilterOption<string>>;
  items: Array<FilterOption<number>>;
} {
  const units = new Map<string, FilterOption<string>>();
  const items = new Map<number, FilterOption<number>>();
  for (const task of tasks) {
    const unit = units.get(task.unitId) ?? { key: task.unitId, label: task.unitName, count: 0 };
    unit.count += 1;
    units.set(task.unitId, unit);
    const item = items.get(task.itemNo) ?? { key: task.itemNo, label: `第${task.itemNo}项 ${task.title}`, count: 0 };
    item.count += 1;
    items.set(task.itemNo, item);
  }
  return {
    units: [...units.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh')),
    items: [...items.values()].sort((a, b) => a.key - b.key),
  };
}

/**
 * The one to open after a decision: the next in the list as it was (the decided one gone), else the
 * first one left; null when nothing is left.
 */
export function nextAfter(tasks: QueuedTask[], decidedId: string): QueuedTask | null {
  const index = tasks.findIndex((task) => task.id === decidedId);
  const rest = tasks.filter((task) => task.id !== decidedId);
  if (rest.length === 0) return null;
  return rest[index >= 0 && index < rest.length ? index : 0];
}

/** What a resubmission changed since it was returned, as lines for the sheet. */
export function changeLines(changes: ChangesSinceReturn): string[] {
  const lines: string[] = [];
  if (changes.added.length > 0) lines.push(`新增材料：${changes.added.join('、')}`);
  if (changes.removed.length > 0) lines.push(`删除材料：${changes.removed.join('、')}`);
  lines.push(changes.noteChanged ? '报送说明：已修改' : '报送说明：没有修改');
  if (changes.added.length === 0 && changes.removed.length === 0) lines.unshift('材料：没有增减');
  return lines;
}

/** A request in one line for a card: 申请延期至1月15日（原12月31日）, or 申请不涉及. */
export function requestLine(task: Pick<QueuedTask, 'queueKind' | 'extension'>): string {
  if (task.queueKind === 'extension' && task.extension) {
    const { dueDate, fromDueDate } = task.extension;
    const to =
      dueDate.slice(0, 4) === fromDueDate.slice(0, 4)
        ? formatDate(dueDate)
        : `${dueDate.slice(0, 4)}年${formatDate(dueDate)}`;
    return `申请延期至${to}（原截止${formatDate(fromDueDate)}）`;
  }
  if (task.queueKind === 'exemption') return '申请不涉及（本单位无此项工作）';
  return '';
}

/** The reason of the request a row waits for. */
export function requestReason(task: Pick<QueuedTask, 'queueKind' | 'extension' | 'exemption'>): string {
  if (task.queueKind === 'extension') return task.extension?.reason ?? '';
  if (task.queueKind === 'exemption') return task.exemption?.reason ?? '';
  return '';
}
