import { COMMENT_MAX_CHARS } from '../../contract/limits';
import type { QueuedTask } from '../../contract/replies';

/** The review queue's rules that need no Taro: tested on their own. */

export type ReviewDecision = 'approve' | 'return';

export const COMMENT_LIMIT = COMMENT_MAX_CHARS;

/** Why a decision cannot be sent as it is, in the reviewer's words; null when it can. */
export function reviewCommentProblem(decision: ReviewDecision, comment: string): string | null {
  const text = comment.trim();
  if (decision === 'return' && text === '') return '退回时请写明需要补充或修改的内容';
  if (text.length > COMMENT_LIMIT) return `意见最多${COMMENT_LIMIT}字，请精简后再提交`;
  return null;
}

/** A note cut to fit a card: whole text when short, else the start and an ellipsis. */
export function excerpt(text: string, limit = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit)}…`;
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
