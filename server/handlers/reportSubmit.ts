import { NOTE_MAX_CHARS } from '../../src/contract/limits';
import { z } from 'zod';
import { submit } from '../../src/core/workflow';
import { memberHandler } from '../handler';
import { stepOf } from '../history';
import { changeOnce } from '../requestOnce';
import { taskDetail, taskToWork, todayOf } from '../tasks';
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
    const { api } = call;
    const { context, task } = await taskToWork(call, input.taskId);
    const { after, history } = submit(task, stepOf(call), { note: input.note });
    return { change: { before: task, after, history }, result: { task: taskDetail(after, context, todayOf(api)) } };
  }),
);
