import { COMMENT_MAX_CHARS } from '../../src/contract/limits';
import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { review } from '../../src/core/workflow';
import { itemOf, loadDistrictContext } from '../districtContext';
import { composeReminder } from '../reminders/compose';
import { raiseReminders, unitRecipients } from '../reminders/raise';
import { memberHandler } from '../handler';
import { stepOf } from '../history';
import { requireTask, targetOf, taskDetail, todayOf } from '../tasks';
import { id, text } from '../validation';

const schema = z
  .object({ taskId: id, decision: z.enum(['approve', 'return']), comment: text(COMMENT_MAX_CHARS).optional() })
  .strict();

/** A lead unit's reviewer approves a report, or returns it with a comment saying what to fix; the unit is told. */
export default memberHandler('report.review', schema, async (input, call) => {
  const { api, actor } = call;
  const context = await loadDistrictContext(api.store, actor.districtId);
  const task = await requireTask(api, context, input.taskId);
  authorize(actor, { kind: 'task.review', task: targetOf(task, context) });
  const step = stepOf(call);
  const { after, history } = review(task, step, input);
  await api.store.commitTaskChange({ before: task, after, history });
  const { at } = step;
  const comment = after.reviewComment ?? '';
  // The unit hears of the decision either way: the task page told them they would.
  const recipients = await unitRecipients(api, task);
  const item = itemOf(context, task.year, task.itemNo);
  await raiseReminders(
    api,
    recipients.map((person) =>
      composeReminder({
        kind: after.status === 'returned' ? 'returned' : 'approved',
        task: after,
        item,
        recipientOpenid: person.openid,
        date: todayOf(api),
        at,
        occasion: at,
        extra: comment,
      }),
    ),
  );
  return { task: taskDetail(after, context, todayOf(api)) };
});
