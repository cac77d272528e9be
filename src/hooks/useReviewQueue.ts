import { useCallback, useMemo, useState } from 'react';
import type { QueueKind } from '../contract/replies';
import {
  filterOptions,
  isFiltered,
  queuePayload,
  withoutReviewed,
  type QueueFilter,
  type SheetDecision,
} from '../packages/review/logic';
import { forgetRecentAnswers, useApi } from './useApi';
import { useMutation } from './useMutation';

export interface DecisionPayload {
  taskId: string;
  /** What waits: a report (approve / return), or a 延期 / 不涉及 request (approve / refuse). */
  kind: QueueKind;
  decision: SheetDecision;
  comment?: string;
}

const NO_FILTER: QueueFilter = {};

/**
 * What waits for the caller's decision (review.queue): reports to review and 延期 / 不涉及 requests,
 * resubmissions first, then the oldest; narrowed by `filter` (unit, item, kind) with the counts of
 * each kind under it, and the units and items that have something waiting (from the whole queue).
 * `decide` sends report.review, extension.decide or exemption.decide; a decided row leaves the list
 * at once, and summaries and task lists remembered for other pages are forgotten so they show the
 * change. `enabled` false loads nothing (e.g. staff).
 */
export function useReviewQueue(enabled = true, filter: QueueFilter = NO_FILTER) {
  const narrowed = isFiltered(filter);
  const whole = useApi('review.queue', enabled ? {} : null);
  const part = useApi('review.queue', enabled && narrowed ? queuePayload(filter) : null);
  const shown = narrowed ? part : whole;
  const review = useMutation('report.review');
  const extension = useMutation('extension.decide');
  const exemption = useMutation('exemption.decide');
  const [decided, setDecided] = useState<ReadonlyMap<string, number>>(() => new Map());

  const tasks = useMemo(() => (shown.data ? withoutReviewed(shown.data.tasks, decided) : null), [shown.data, decided]);
  const everything = useMemo(
    () => (whole.data ? withoutReviewed(whole.data.tasks, decided) : null),
    [whole.data, decided],
  );
  const options = useMemo(() => filterOptions(everything ?? []), [everything]);

  // The counts of each kind under the unit and item filters, less what was decided here since.
  const counts = useMemo(() => {
    const base = shown.data?.counts ?? null;
    if (!base || !shown.data) return base;
    const gone = shown.data.tasks.filter((task) => !(tasks ?? []).includes(task));
    const left = { ...base };
    for (const task of gone) left[task.queueKind] = Math.max(0, left[task.queueKind] - 1);
    return left;
  }, [shown.data, tasks]);

  const { run: runReview } = review;
  const { run: runExtension } = extension;
  const { run: runExemption } = exemption;
  const decide = useCallback(
    async ({ taskId, kind, decision, comment }: DecisionPayload) => {
      const withComment = comment ? { comment } : {};
      let result;
      if (kind === 'report') {
        if (decision === 'refuse') throw new Error('a report is returned, not refused');
        result = await runReview({ taskId, decision, ...withComment });
      } else {
        if (decision === 'return') throw new Error('a request is refused, not returned');
        const payload = { taskId, decision, ...withComment };
        result = await (kind === 'extension' ? runExtension(payload) : runExemption(payload));
      }
      if (!result) return null;
      const { version } = result.task;
      setDecided((before) => new Map(before).set(taskId, version));
      forgetRecentAnswers('review.queue');
      forgetRecentAnswers('summary.');
      forgetRecentAnswers('tasks.');
      return result.task;
    },
    [runReview, runExtension, runExemption],
  );

  const { reload: reloadWhole } = whole;
  const { reload: reloadPart } = part;
  const reload = useCallback(async () => {
    await Promise.all([reloadWhole(), narrowed ? reloadPart() : null]);
  }, [reloadWhole, reloadPart, narrowed]);

  return {
    tasks,
    counts,
    options,
    error: shown.error,
    loading: shown.loading,
    reload,
    decide,
    deciding: review.busy || extension.busy || exemption.busy,
  };
}
