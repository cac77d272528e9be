import type { QueueKind } from '../src/contract/replies';
import { canDecideRequest, requestReviewedByLeaders, reviewerCanReview, type Actor } from '../src/core/authorization';
import type { TaskRecord } from '../src/core/model';
import type { TaskFilter } from '../src/core/ports/Store';
import { openRequestOf } from '../src/core/workflow';
import type { ApiContext } from './context';
import { ledItemNos, type DistrictContext } from './districtContext';
import { targetOf } from './tasks';

/** One thing waiting for the caller's decision: a report, or a request. */
export interface QueueEntry {
  kind: QueueKind;
  task: TaskRecord;
  queuedAt: string;
  resubmitted: boolean;
}

/** A report sent again after a return (tasks stored before withdrawals: reviewed before = returned). */
export function isResubmission(task: TaskRecord): boolean {
  if (task.status !== 'submitted') return false;
  return task.statusBeforeSubmit ? task.statusBeforeSubmit === 'returned' : task.reviewedAt !== null;
}

/**
 * What waits for the caller: reports they may review, and the 延期 / 不涉及 requests that come to
 * them (a reviewer: those on items their unit leads, never their own unit's; a leader: those of a
 * unit that leads its item alone). Resubmissions first, then the oldest first.
 */
export async function reviewQueueEntries(
  api: ApiContext,
  context: DistrictContext,
  actor: Actor,
  filter: { year: number; unitId?: string; itemNo?: number },
): Promise<QueueEntry[]> {
  let itemNos = actor.role === 'reviewer' ? ledItemNos(context, filter.year, actor.unitId) : undefined;
  if (filter.itemNo !== undefined) itemNos = (itemNos ?? [filter.itemNo]).filter((no) => no === filter.itemNo);
  if (itemNos && itemNos.length === 0) return [];
  const base: TaskFilter = {
    year: filter.year,
    ...(filter.unitId !== undefined ? { unitId: filter.unitId } : {}),
    ...(itemNos ? { itemNos } : {}),
  };
  const [submitted, requested] = await Promise.all([
    api.store.listTasks(actor.districtId, { ...base, statuses: ['submitted'] }),
    api.store.listTasks(actor.districtId, { ...base, openRequest: true }),
  ]);
  const entries: QueueEntry[] = [];
  for (const task of submitted) {
    if (!reviewerCanReview(actor, targetOf(task, context))) continue;
    entries.push({
      kind: 'report',
      task,
      queuedAt: task.submittedAt ?? task.updatedAt,
      resubmitted: isResubmission(task),
    });
  }
  for (const task of requested) {
    const kind = openRequestOf(task);
    const target = targetOf(task, context);
    const mine = actor.role === 'leader' ? requestReviewedByLeaders(target) : canDecideRequest(actor, target);
    if (!kind || !mine) continue;
    const queuedAt =
      (kind === 'extension' ? task.extension?.requestedAt : task.exemption?.requestedAt) ?? task.updatedAt;
    entries.push({ kind, task, queuedAt, resubmitted: false });
  }
  return entries.sort(
    (a, b) =>
      Number(b.resubmitted) - Number(a.resubmitted) ||
      a.queuedAt.localeCompare(b.queuedAt) ||
      a.task.id.localeCompare(b.task.id),
  );
}
