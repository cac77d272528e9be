import { NOTE_MAX_CHARS } from '../../src/contract/limits';
import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { submit } from '../../src/core/workflow';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { stepOf } from '../history';
import { changeOnce } from '../requestOnce';
import { requireTask, targetOf, taskDetail, todayOf } from '../tasks';
import { requestId, text } from '../validation';

const schema = z
  .object({
    taskId: z.string().min(1).max(128),
    note: text(NOTE_MAX_CHARS).optional(),
    requestId,
  })
  .strict();

/** Sends a task's report for review. The same request id twice makes one submission. */
export default memberHandler('report.submit', schema, async (input, call) =>
  changeOnce(call, 'report.submit', input.requestId, async () => {
    const { api, actor } = call;
    const context = await loadDistrictContext(api.store, actor.districtId);
    const task = await requireTask(api, context, input.taskId);
    authorize(actor, { kind: 'task.work', task: targetOf(task, context) });
    const { after, history } = submit(task, stepOf(call), { note: input.note });
    return { change: { before: task, after, history }, result: { task: taskDetail(after, context, todayOf(api)) } };
  }),
);
