import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { DomainError } from '../../src/core/errors';
import { itemOf, loadDistrictContext } from '../districtContext';
import { composeReminder } from '../reminders/compose';
import { raiseReminders, unitRecipients } from '../reminders/raise';
import { memberHandler } from '../handler';
import { historyEntry } from '../history';
import { requireTask, targetOf, taskDetail, todayOf } from '../tasks';
import { id, text } from '../validation';

const schema = z
  .object({ taskId: id, decision: z.enum(['approve', 'return']), comment: text(500).optional() })
  .strict();

/** A lead unit's reviewer approves a report, or returns it with a comment saying what to fix. */
export default memberHandler(schema, async (input, call) => {
  const { api, actor } = call;
  const comment = input.comment?.trim() ?? '';
  if (input.decision === 'return' && comment === '') {
    throw new DomainError('INVALID_ARGUMENT', '退回时请写明需要补充或修改的内容');
  }
  const context = await loadDistrictContext(api.store, actor.districtId);
  const task = await requireTask(api, actor.districtId, input.taskId);
  authorize(actor, { kind: 'task.review', task: targetOf(task, context) });
  if (task.status !== 'submitted') {
    throw new DomainError(
      'FAILED_PRECONDITION',
      task.status === 'approved' ? '这项任务已审核通过' : '这项任务还没有报送，不能审核',
    );
  }
  const at = api.now().toISOString();
  const status = input.decision === 'approve' ? ('approved' as const) : ('returned' as const);
  const after = {
    ...task,
    status,
    version: task.version + 1,
    reviewedAt: at,
    reviewedBy: actor.openid,
    reviewComment: comment || null,
    updatedAt: at,
  };
  await api.store.commitTaskChange({
    before: task,
    after,
    history: [
      historyEntry(call, task, input.decision === 'approve' ? 'approve' : 'return', status, {
        comment: comment || null,
      }),
    ],
  });
  if (status === 'returned') {
    const recipients = await unitRecipients(api, task);
    const item = itemOf(context, task.itemNo);
    await raiseReminders(
      api,
      recipients.map((person) =>
        composeReminder({
          kind: 'returned',
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
  }
  return { task: taskDetail(after, context, todayOf(api)) };
});
