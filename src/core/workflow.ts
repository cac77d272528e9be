import { shanghaiDate } from './dates';
import { DomainError } from './errors';
import type { HistoryAction, HistoryEntry, Instant, Role, TaskRecord } from './model';
import type { TaskStatus } from './status';

/**
 * The workflow of a task, as pure transitions: each checks its preconditions and gives the next
 * record (version bumped, timestamps set) with the history entry that tells of it. Handlers ask
 * here and store what comes back; they never build a task record by hand.
 */

/** Who acts, and when. */
export interface Step {
  at: Instant;
  actor: { openid: string; name: string; role: Role; unitId: string };
}

export interface Transition {
  after: TaskRecord;
  /** What to append to the task's history, in order. */
  history: HistoryEntry[];
}

export const MAX_EVIDENCE_PER_TASK = 30;

function entry(
  task: TaskRecord,
  step: Step,
  action: HistoryAction,
  toStatus: TaskStatus,
  extra: { comment?: string | null; detail?: string | null; fromStatus?: TaskStatus | null } = {},
): HistoryEntry {
  return {
    districtId: task.districtId,
    taskId: task.id,
    at: step.at,
    actorOpenid: step.actor.openid,
    actorName: step.actor.name,
    actorRole: step.actor.role,
    actorUnitId: step.actor.unitId,
    action,
    fromStatus: extra.fromStatus === undefined ? task.status : extra.fromStatus,
    toStatus,
    comment: extra.comment ?? null,
    detail: extra.detail ?? null,
  };
}

function next(task: TaskRecord, step: Step, changes: Partial<TaskRecord>): TaskRecord {
  return { ...task, ...changes, version: task.version + 1, updatedAt: step.at };
}

/** How a task's history begins: made by the system from the catalog (or by a recorded event). */
export function createdEntry(task: TaskRecord): HistoryEntry {
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
    toStatus: 'pending',
    comment: null,
    detail: task.label,
  };
}

/**
 * A task derived from the catalog is stored only when something first happens to it (version 0
 * means "never stored"): its history then begins with how it was made.
 */
function told(task: TaskRecord, latest: HistoryEntry): HistoryEntry[] {
  return task.version === 0 ? [createdEntry(task), latest] : [latest];
}

/** A task the unit records after an event (items 13, 25): created pending, with its history. */
export function recordEvent(task: TaskRecord, step: Step, note: string | null): Transition {
  return {
    after: task,
    history: [entry(task, step, 'event.record', 'pending', { comment: note, detail: task.label, fromStatus: null })],
  };
}

/** 报送: the report goes to the lead unit; the first submission's date is what on-time compares. */
export function submit(task: TaskRecord, step: Step, input: { note?: string }): Transition {
  if (task.status === 'submitted') throw new DomainError('FAILED_PRECONDITION', '这项任务已报送，正在等待审核');
  if (task.status === 'approved') throw new DomainError('FAILED_PRECONDITION', '这项任务已审核通过，无需再报送');
  const note = input.note ?? task.note;
  if (task.evidenceCount === 0 && note.trim() === '') {
    throw new DomainError('FAILED_PRECONDITION', '请先上传佐证材料或填写工作说明，再报送');
  }
  const after = next(task, step, {
    status: 'submitted',
    note,
    submittedAt: step.at,
    firstSubmittedAt: task.firstSubmittedAt ?? step.at,
    firstSubmittedOn: task.firstSubmittedOn ?? shanghaiDate(new Date(step.at)),
  });
  return { after, history: told(task, entry(task, step, 'submit', 'submitted', { comment: note || null })) };
}

export type ReviewDecision = 'approve' | 'return';

/** 审核: approve, or return with a comment that says what to fix. */
export function review(
  task: TaskRecord,
  step: Step,
  input: { decision: ReviewDecision; comment?: string },
): Transition {
  const comment = input.comment?.trim() ?? '';
  if (input.decision === 'return' && comment === '') {
    throw new DomainError('INVALID_ARGUMENT', '退回时请写明需要补充或修改的内容');
  }
  if (task.status !== 'submitted') {
    throw new DomainError(
      'FAILED_PRECONDITION',
      task.status === 'approved' ? '这项任务已审核通过' : '这项任务还没有报送，不能审核',
    );
  }
  const status = input.decision === 'approve' ? 'approved' : 'returned';
  const after = next(task, step, {
    status,
    reviewedAt: step.at,
    reviewedBy: step.actor.openid,
    reviewComment: comment || null,
  });
  return { after, history: told(task, entry(task, step, input.decision, status, { comment: comment || null })) };
}

export type EvidenceChange = 'evidence.add' | 'evidence.link' | 'evidence.remove';

/** Whether the evidence of a task may change now (and why not, in words to show). */
export function evidenceFrozenReason(task: TaskRecord): string | null {
  if (task.status === 'approved') return '这项任务已审核通过，材料不能再改动';
  return null;
}

/** 上传 / 引用 / 删除 a piece of evidence: the count follows, within the per-task limit. */
export function changeEvidence(task: TaskRecord, step: Step, change: EvidenceChange, name: string): Transition {
  const frozen = evidenceFrozenReason(task);
  if (frozen) throw new DomainError('FAILED_PRECONDITION', frozen);
  const adding = change !== 'evidence.remove';
  if (adding && task.evidenceCount >= MAX_EVIDENCE_PER_TASK) {
    throw new DomainError('FAILED_PRECONDITION', `每项任务最多${MAX_EVIDENCE_PER_TASK}份材料，请删去不需要的再上传`);
  }
  const evidenceCount = adding ? task.evidenceCount + 1 : Math.max(0, task.evidenceCount - 1);
  return {
    after: next(task, step, { evidenceCount }),
    history: told(task, entry(task, step, change, task.status, { detail: name })),
  };
}

/** 催办: recorded on the task (once a day per task, which the caller checks against history). */
export function urge(task: TaskRecord, step: Step, unitName: string): Transition {
  return {
    after: next(task, step, {}),
    history: told(task, entry(task, step, 'urge', task.status, { detail: `催办${unitName}` })),
  };
}
