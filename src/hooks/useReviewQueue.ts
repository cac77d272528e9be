import { useCallback, useMemo, useState } from 'react';
import { withoutReviewed, type ReviewDecision } from '../packages/review/logic';
import { forgetRecentAnswers, useApi } from './useApi';
import { useMutation } from './useMutation';

export interface ReviewPayload {
  taskId: string;
  decision: ReviewDecision;
  comment?: string;
}

/**
 * The reports waiting for the caller's review (review.queue), oldest first, and the review itself
 * (report.review). A decided report leaves the list at once; summaries and task lists remembered
 * for other pages are forgotten so they show the change. `enabled` false loads nothing (e.g. staff).
 */
export function useReviewQueue(enabled = true) {
  const queue = useApi('review.queue', enabled ? {} : null);
  const mutation = useMutation('report.review');
  const [reviewed, setReviewed] = useState<ReadonlyMap<string, number>>(() => new Map());

  const tasks = useMemo(
    () => (queue.data ? withoutReviewed(queue.data.tasks, reviewed) : null),
    [queue.data, reviewed],
  );

  const { run } = mutation;
  const review = useCallback(
    async (payload: ReviewPayload) => {
      const result = await run(payload);
      if (!result) return null;
      setReviewed((before) => new Map(before).set(payload.taskId, result.task.version));
      forgetRecentAnswers('review.queue');
      forgetRecentAnswers('summary.');
      forgetRecentAnswers('tasks.');
      return result.task;
    },
    [run],
  );

  return {
    tasks,
    error: queue.error,
    loading: queue.loading,
    reload: queue.reload,
    review,
    reviewing: mutation.busy,
  };
}
