import { z } from 'zod';
import { authorize, reviewerCanReview } from '../../src/core/authorization';
import { yearOf } from '../../src/core/dates';
import { ledItemNos, loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { targetOf, taskSummary, todayOf } from '../tasks';
import { year } from '../validation';

/** Reports waiting for the caller's unit to review, oldest submission first. */
export default memberHandler(
  'review.queue',
  z.object({ year: year.optional() }).strict(),
  async (input, { api, actor }) => {
    authorize(actor, { kind: 'review.queue' });
    const context = await loadDistrictContext(api.store, actor.districtId);
    const today = todayOf(api);
    const itemNos = actor.role === 'reviewer' ? ledItemNos(context, actor.unitId) : undefined;
    const submitted = await api.store.listTasks(actor.districtId, {
      year: input.year ?? yearOf(today),
      statuses: ['submitted'],
      ...(itemNos ? { itemNos } : {}),
    });
    const tasks = submitted
      .filter((task) => reviewerCanReview(actor, targetOf(task, context)))
      .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''))
      .map((task) => ({ ...taskSummary(task, context, today), submittedAt: task.submittedAt, note: task.note }));
    return { tasks };
  },
);
