import { shanghaiDate, yearOf, type IsoDate } from './dates';
import { DomainError } from './errors';
import type {
  ExemptionRequest,
  ExtensionRequest,
  HistoryAction,
  HistoryEntry,
  Instant,
  RequestDecision,
  Role,
  TaskRecord,
} from './model';
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
  if (task.status === 'exempt') throw new DomainError('FAILED_PRECONDITION', '这项任务已确认不涉及，无需报送');
  const note = input.note ?? task.note;
  if (task.evidenceCount === 0 && note.trim() === '') {
    throw new DomainError('FAILED_PRECONDITION', '请先上传佐证材料或填写工作说明，再报送');
  }
  const after = next(task, step, {
    status: 'submitted',
    statusBeforeSubmit: task.status,
    withdrawnAt: null,
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
      task.status === 'approved'
        ? '这项任务已审核通过'
        : task.status === 'exempt'
          ? '这项任务已确认不涉及，不需要审核'
          : task.withdrawnAt
            ? '经办人已撤回这次报送，不能审核；重新报送后会回到待审核清单'
            : '这项任务还没有报送，不能审核',
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

/**
 * Whether the evidence of a task may change now (and why not, in words to show): it is frozen
 * while the report is submitted (the reviewer reviews what was sent) and once it is approved.
 */
export function evidenceFrozenReason(task: Pick<TaskRecord, 'status'>): string | null {
  if (task.status === 'submitted') return '这项任务已报送，正在等待审核：请先撤回报送，再修改材料';
  if (task.status === 'approved') return '这项任务已审核通过，材料不能再改动';
  if (task.status === 'exempt') return '这项任务已确认不涉及，不需要上传材料';
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

/**
 * 撤回: the unit takes back a report before it is reviewed. The task goes back to the status it
 * was submitted from (pending, or returned with its comment); a first submission withdrawn no
 * longer counts as the first (the on-time rate compares the next one).
 */
export function withdraw(task: TaskRecord, step: Step): Transition {
  if (task.status !== 'submitted') {
    throw new DomainError(
      'FAILED_PRECONDITION',
      task.status === 'approved' ? '这项任务已审核通过，不能撤回' : '这项任务没有待审核的报送，无需撤回',
    );
  }
  // Stored before withdrawals existed: a submitted task reviewed before was returned before.
  const back = task.statusBeforeSubmit ?? (task.reviewedAt ? 'returned' : 'pending');
  const first = task.firstSubmittedAt === task.submittedAt;
  const after = next(task, step, {
    status: back,
    statusBeforeSubmit: null,
    withdrawnAt: step.at,
    submittedAt: null,
    ...(first ? { firstSubmittedAt: null, firstSubmittedOn: null } : {}),
  });
  return { after, history: told(task, entry(task, step, 'withdraw', back)) };
}

export type OpenRequest = 'extension' | 'exemption';

export const REQUEST_LABEL: Record<OpenRequest, string> = { extension: '延期', exemption: '不涉及' };

/** The request of a task waiting for the lead unit's decision, if any (at most one at a time). */
export function openRequestOf(task: Pick<TaskRecord, 'extension' | 'exemption'>): OpenRequest | null {
  if (task.extension?.status === 'pending') return 'extension';
  if (task.exemption?.status === 'pending') return 'exemption';
  return null;
}

function requireNoOpenRequest(task: TaskRecord): void {
  const open = openRequestOf(task);
  if (open) {
    throw new DomainError(
      'FAILED_PRECONDITION',
      `这项任务已有一个待审批的${REQUEST_LABEL[open]}申请，请等牵头单位处理后再申请`,
    );
  }
}

/** Requests are made while the unit still has to report: not while submitted, approved or exempt. */
function requireOpenTask(task: TaskRecord, what: string): void {
  if (task.status === 'submitted') {
    throw new DomainError('FAILED_PRECONDITION', `这项任务已报送，正在等待审核；如需申请${what}，请先撤回报送`);
  }
  if (task.status === 'approved') throw new DomainError('FAILED_PRECONDITION', `这项任务已审核通过，无需申请${what}`);
  if (task.status === 'exempt') throw new DomainError('FAILED_PRECONDITION', `这项任务已确认不涉及，无需申请${what}`);
}

function requireReason(text: string, message: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new DomainError('INVALID_ARGUMENT', message);
  return trimmed;
}

const who = (step: Step) => ({ openid: step.actor.openid, name: step.actor.name });

/**
 * 申请延期: a later due date, with a reason. The task keeps its due date until the lead unit
 * approves. Allowed after the due date too: the request then says it is late.
 */
export function requestExtension(
  task: TaskRecord,
  step: Step,
  input: { dueDate: IsoDate; reason: string },
): Transition {
  requireOpenTask(task, '延期');
  requireNoOpenRequest(task);
  const reason = requireReason(input.reason, '请写明申请延期的理由');
  const today = shanghaiDate(new Date(step.at));
  if (input.dueDate <= task.dueDate) {
    throw new DomainError('INVALID_ARGUMENT', `新的完成日期应晚于现在的截止日期（${task.dueDate}）`);
  }
  if (input.dueDate <= today) throw new DomainError('INVALID_ARGUMENT', '新的完成日期应晚于今天');
  if (yearOf(input.dueDate) > task.year + 1) {
    throw new DomainError('INVALID_ARGUMENT', `新的完成日期最晚可到${task.year + 1}年12月31日`);
  }
  const late = today > task.dueDate;
  const extension: ExtensionRequest = {
    dueDate: input.dueDate,
    fromDueDate: task.dueDate,
    reason,
    status: 'pending',
    late,
    requestedAt: step.at,
    requestedBy: who(step).openid,
    requestedByName: who(step).name,
    decidedAt: null,
    decidedBy: null,
    decidedByName: null,
    comment: null,
  };
  const detail = `申请延期至${input.dueDate}（原截止日期${task.dueDate}${late ? '，已逾期后申请' : ''}）`;
  return {
    after: next(task, step, { extension }),
    history: told(task, entry(task, step, 'extension.request', task.status, { comment: reason, detail })),
  };
}

function decisionComment(input: { decision: RequestDecision; comment?: string }, refusalNeeds: string): string | null {
  const comment = input.comment?.trim() ?? '';
  if (input.decision === 'refuse' && comment === '') throw new DomainError('INVALID_ARGUMENT', refusalNeeds);
  return comment || null;
}

/** 审批延期: approved, the due date moves (the first one is kept); refused, with a comment. */
export function decideExtension(
  task: TaskRecord,
  step: Step,
  input: { decision: RequestDecision; comment?: string },
): Transition {
  const request = task.extension;
  if (request?.status !== 'pending') throw new DomainError('FAILED_PRECONDITION', '这项任务没有待审批的延期申请');
  const comment = decisionComment(input, '不同意延期时，请写明理由');
  const approved = input.decision === 'approve';
  if (approved && task.status === 'exempt') {
    throw new DomainError('FAILED_PRECONDITION', '这项任务已确认不涉及，无需延期');
  }
  const extension: ExtensionRequest = {
    ...request,
    status: approved ? 'approved' : 'refused',
    decidedAt: step.at,
    decidedBy: who(step).openid,
    decidedByName: who(step).name,
    comment,
  };
  const after = next(task, step, {
    extension,
    ...(approved ? { dueDate: request.dueDate, originalDueDate: task.originalDueDate ?? task.dueDate } : {}),
  });
  const detail = approved
    ? `截止日期由${task.dueDate}改为${request.dueDate}`
    : `不同意延期至${request.dueDate}，截止日期仍为${task.dueDate}`;
  return {
    after,
    history: told(
      task,
      entry(task, step, approved ? 'extension.approve' : 'extension.refuse', task.status, { comment, detail }),
    ),
  };
}

/** 申请不涉及: the unit says the item does not apply to it this year, and why. */
export function requestExemption(task: TaskRecord, step: Step, input: { reason: string }): Transition {
  requireOpenTask(task, '不涉及');
  requireNoOpenRequest(task);
  const reason = requireReason(input.reason, '请写明不涉及的理由');
  const exemption: ExemptionRequest = {
    reason,
    status: 'pending',
    requestedAt: step.at,
    requestedBy: who(step).openid,
    requestedByName: who(step).name,
    decidedAt: null,
    decidedBy: null,
    decidedByName: null,
    comment: null,
    revokedAt: null,
    revokedByName: null,
    revokeComment: null,
  };
  return {
    after: next(task, step, { exemption }),
    history: told(task, entry(task, step, 'exemption.request', task.status, { comment: reason })),
  };
}

/** 审批不涉及: approved, the task is exempt (grey, in no total or rate); refused, with a comment. */
export function decideExemption(
  task: TaskRecord,
  step: Step,
  input: { decision: RequestDecision; comment?: string },
): Transition {
  const request = task.exemption;
  if (request?.status !== 'pending') throw new DomainError('FAILED_PRECONDITION', '这项任务没有待审批的不涉及申请');
  const comment = decisionComment(input, '不同意“不涉及”时，请写明理由');
  const approved = input.decision === 'approve';
  if (approved && task.status === 'submitted') {
    throw new DomainError(
      'FAILED_PRECONDITION',
      '这项任务已经报送，不能再按不涉及处理；如确不涉及，请经办人先撤回报送',
    );
  }
  if (approved && task.status === 'approved') {
    throw new DomainError('FAILED_PRECONDITION', '这项任务已审核通过，不能再按不涉及处理');
  }
  const exemption: ExemptionRequest = {
    ...request,
    status: approved ? 'approved' : 'refused',
    decidedAt: step.at,
    decidedBy: who(step).openid,
    decidedByName: who(step).name,
    comment,
  };
  const status: TaskStatus = approved ? 'exempt' : task.status;
  return {
    after: next(task, step, { exemption, status }),
    history: told(
      task,
      entry(task, step, approved ? 'exemption.approve' : 'exemption.refuse', status, {
        comment,
        detail: `理由：${request.reason}`,
      }),
    ),
  };
}

/** 撤销不涉及: the lead unit finds the item applies after all; the task is pending again. */
export function revokeExemption(task: TaskRecord, step: Step, input: { comment: string }): Transition {
  if (task.status !== 'exempt' || task.exemption?.status !== 'approved') {
    throw new DomainError('FAILED_PRECONDITION', '这项任务没有已同意的不涉及，无需撤销');
  }
  if (task.exemption.catalogDrop) {
    throw new DomainError('FAILED_PRECONDITION', '这项任务已不在本年度的任务清单中，不能撤销；如有疑问请联系管理员');
  }
  const comment = requireReason(input.comment, '撤销不涉及时，请写明理由');
  const exemption: ExemptionRequest = {
    ...task.exemption,
    status: 'revoked',
    revokedAt: step.at,
    revokedByName: who(step).name,
    revokeComment: comment,
  };
  return {
    after: next(task, step, { status: 'pending', exemption }),
    history: told(task, entry(task, step, 'exemption.revoke', 'pending', { comment })),
  };
}

/** 领导批示 on a task: recorded in its history (the instruction itself is kept beside it). */
export function instruct(task: TaskRecord, step: Step, text: string): Transition {
  return {
    after: next(task, step, {}),
    history: told(task, entry(task, step, 'instruction', task.status, { comment: text })),
  };
}
