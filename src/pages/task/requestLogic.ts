import { REASON_MAX_CHARS } from '../../contract/limits';
import type { ExemptionRequest, ExtensionRequest, TaskDetailTask } from '../../contract/replies';
import { addDays } from '../../core/dates';
import { formatDate } from '../../utils/format';

/** The words of 任务详情 around withdrawals and requests: pure, tested without Taro. */

export const REASON_MAX = REASON_MAX_CHARS;

/** 2027-01-15 → 2027年1月15日 */
export function longDate(date: string): string {
  return `${date.slice(0, 4)}年${formatDate(date)}`;
}

/** Who reviews the task's reports and decides its requests: 区司法局、区政府办, or 区领导. */
export function reviewersOf(task: Pick<TaskDetailTask, 'reviewerUnits' | 'reviewedByLeaders'>): string {
  if (task.reviewedByLeaders || task.reviewerUnits.length === 0) return '区领导';
  return task.reviewerUnits.join('、');
}

/** What a clerk reads after 报送: who reviews it, and that they will be told. */
export function afterSubmitLine(task: Pick<TaskDetailTask, 'reviewerUnits' | 'reviewedByLeaders'>): string {
  return `已报送，等待${reviewersOf(task)}审核。审核通过或退回时，会在「我的 › 我的提醒」里告诉你。`;
}

/** The last day a 延期 may ask for: the end of the year after the task's. */
export function latestExtension(year: number): string {
  return `${year + 1}-12-31`;
}

/** The earliest a 延期 may ask for: the day after the due date, and after today. */
export function earliestExtension(dueDate: string, today: string): string {
  return addDays(dueDate > today ? dueDate : today, 1);
}

export interface DateChoice {
  label: string;
  date: string;
}

/**
 * The quick choices of a new date: a week, half a month, a month past the due date (or past today
 * when it is overdue), as long as they fall within what may be asked.
 */
export function extensionChoices(dueDate: string, today: string, year: number): DateChoice[] {
  const base = dueDate > today ? dueDate : today;
  const last = latestExtension(year);
  return [
    { label: '延后一周', date: addDays(base, 7) },
    { label: '延后半个月', date: addDays(base, 15) },
    { label: '延后一个月', date: addDays(base, 30) },
  ].filter((choice) => choice.date <= last);
}

/** Why a request cannot be sent as it is; null when it can. */
export function reasonProblem(reason: string, what: string): string | null {
  const text = reason.trim();
  if (text === '') return `请写明${what}的理由`;
  if (Array.from(text).length > REASON_MAX) return `理由最多${REASON_MAX}字，请精简后再提交`;
  return null;
}

/** Why a decision cannot be sent as it is (a refusal or a revocation needs a comment); null when it can. */
export function decisionProblem(decision: 'approve' | 'refuse' | 'revoke', comment: string): string | null {
  const text = comment.trim();
  if (decision === 'refuse' && text === '') return '不同意时请写明理由，经办人会看到';
  if (decision === 'revoke' && text === '') return '撤销时请写明理由，经办人会看到';
  return null;
}

export type Tone = 'wait' | 'ok' | 'no';

export interface RequestState {
  title: string;
  tone: Tone;
  lines: string[];
}

/** Who decided, and what they said: 冯军同意, 冯军不同意：理由不充分. */
function decisionLine(request: ExtensionRequest | ExemptionRequest, verb: string): string {
  return `${request.decidedByName ?? '牵头单位'}${verb}${request.comment ? `：${request.comment}` : ''}`;
}

/** A 延期 request as the task shows it: waiting, agreed (and the date moved) or refused. */
export function extensionState(request: ExtensionRequest, deciders: string): RequestState {
  const asked = `申请延期至${longDate(request.dueDate)}（原截止${longDate(request.fromDueDate)}）`;
  const lines = [asked, `理由：${request.reason}`];
  if (request.late) lines.push('申请时已逾期');
  if (request.status === 'pending') {
    return { title: `延期申请待${deciders}审批`, tone: 'wait', lines };
  }
  if (request.status === 'approved') {
    return { title: '延期已同意', tone: 'ok', lines: [...lines, decisionLine(request, '同意')] };
  }
  return { title: '延期未同意', tone: 'no', lines: [...lines, decisionLine(request, '不同意')] };
}

/** A 不涉及 request as the task shows it: waiting, agreed, refused, or taken back. */
export function exemptionState(request: ExemptionRequest, deciders: string): RequestState {
  const lines = [`理由：${request.reason}`];
  switch (request.status) {
    case 'pending':
      return { title: `不涉及申请待${deciders}审批`, tone: 'wait', lines };
    case 'approved':
      return { title: '已确认不涉及，本项无需报送', tone: 'ok', lines: [...lines, decisionLine(request, '同意')] };
    case 'refused':
      return {
        title: '不涉及申请未同意，请按要求报送',
        tone: 'no',
        lines: [...lines, decisionLine(request, '不同意')],
      };
    case 'revoked':
      return {
        title: '不涉及已撤销，请按要求报送',
        tone: 'no',
        lines: [...lines, `${request.revokedByName ?? '牵头单位'}撤销：${request.revokeComment ?? ''}`],
      };
  }
}
