import { z } from 'zod';
import type { QueueKind } from '../../src/contract/replies';
import { authorize } from '../../src/core/authorization';
import { yearOf } from '../../src/core/dates';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { changesSinceReturn } from '../history';
import { reviewQueueEntries } from '../reviewQueue';
import { taskSummary, todayOf } from '../tasks';
import { id, itemNo, year } from '../validation';

const schema = z
  .object({
    year: year.optional(),
    unitId: id.optional(),
    itemNo: itemNo.optional(),
    kind: z.enum(['report', 'extension', 'exemption']).optional(),
  })
  .strict();

/**
 * What waits for the caller's unit: reports to review and 延期 / 不涉及 requests to decide, each row
 * saying its kind; by unit, item and kind; resubmissions first (with what changed since the
 * return), then the oldest first.
 */
export default memberHandler('review.queue', schema, async (input, { api, actor }) => {
  authorize(actor, { kind: 'review.queue' });
  const context = await loadDistrictContext(api.store, actor.districtId);
  const today = todayOf(api);
  const entries = await reviewQueueEntries(api, context, actor, {
    year: input.year ?? yearOf(today),
    unitId: input.unitId,
    itemNo: input.itemNo,
  });
  const counts: Record<QueueKind, number> = { report: 0, extension: 0, exemption: 0 };
  for (const entry of entries) counts[entry.kind] += 1;
  const shown = input.kind ? entries.filter((entry) => entry.kind === input.kind) : entries;
  const tasks = await Promise.all(
    shown.map(async ({ kind, task, queuedAt, resubmitted }) => ({
      ...taskSummary(task, context, today),
      queueKind: kind,
      submittedAt: task.submittedAt,
      note: task.note,
      queuedAt,
      resubmitted,
      changesSinceReturn: resubmitted
        ? changesSinceReturn(await api.store.listHistory(actor.districtId, task.id))
        : null,
      extension: task.extension,
      exemption: task.exemption,
    })),
  );
  return { tasks, counts };
});
