import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { shanghaiDate } from '../../src/core/dates';
import { DomainError } from '../../src/core/errors';
import { StoreConflictError } from '../../src/core/ports/Store';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { historyEntry } from '../history';
import { requireTask, targetOf, taskDetail, todayOf } from '../tasks';
import { text } from '../validation';

const schema = z
  .object({
    taskId: z.string().min(1).max(128),
    note: text(1000).optional(),
    requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '应为8到64位字母、数字、下划线或连字符'),
  })
  .strict();

/** Sends a task's report for review. The same request id twice makes one submission. */
export default memberHandler(schema, async (input, call) => {
  const { api, actor } = call;
  const remembered = await api.store.getRequest(actor.districtId, actor.openid, input.requestId);
  if (remembered) return remembered.result;

  const context = await loadDistrictContext(api.store, actor.districtId);
  const task = await requireTask(api, actor.districtId, input.taskId);
  authorize(actor, { kind: 'task.work', task: targetOf(task, context) });
  if (task.status === 'submitted') throw new DomainError('FAILED_PRECONDITION', '这项任务已报送，正在等待审核');
  if (task.status === 'approved') throw new DomainError('FAILED_PRECONDITION', '这项任务已审核通过，无需再报送');
  const note = input.note ?? task.note;
  if (task.evidenceCount === 0 && note.trim() === '') {
    throw new DomainError('FAILED_PRECONDITION', '请先上传佐证材料或填写工作说明，再报送');
  }
  const now = api.now();
  const at = now.toISOString();
  const after = {
    ...task,
    status: 'submitted' as const,
    note,
    version: task.version + 1,
    submittedAt: at,
    firstSubmittedAt: task.firstSubmittedAt ?? at,
    firstSubmittedOn: task.firstSubmittedOn ?? shanghaiDate(now),
    updatedAt: at,
  };
  const result = { task: taskDetail(after, context, todayOf(api)) };
  try {
    await api.store.commitTaskChange({
      before: task,
      after,
      history: [historyEntry(call, task, 'submit', 'submitted', { comment: note || null })],
      request: {
        districtId: actor.districtId,
        openid: actor.openid,
        requestId: input.requestId,
        action: 'report.submit',
        result,
        createdAt: at,
      },
    });
  } catch (error) {
    // The same request sent twice at once: the first one's result is the answer to both.
    const first =
      error instanceof StoreConflictError
        ? await api.store.getRequest(actor.districtId, actor.openid, input.requestId)
        : null;
    if (first) return first.result;
    throw error;
  }
  return result;
});
